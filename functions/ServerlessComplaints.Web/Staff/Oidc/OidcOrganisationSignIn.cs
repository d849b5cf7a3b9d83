using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using ServerlessComplaints.Web.Features;

namespace ServerlessComplaints.Web.Staff.Oidc;

/// <summary>Starts an OpenID Connect sign-in: the handler's challenge, carrying the page's language and the local return path.</summary>
internal sealed partial class OidcOrganisationSignIn(ILogger<OidcOrganisationSignIn> logger) : IOrganisationSignIn
{
    public const string LanguageItem = "lang";

    public bool IsOffered => true;

    public async Task<IResult> StartAsync(HttpContext http, string language, string returnUrl)
    {
        ArgumentNullException.ThrowIfNull(http);
        var properties = new AuthenticationProperties { RedirectUri = returnUrl };
        properties.Items[LanguageItem] = language;
        try
        {
            // Reads the provider's discovery document (cached), sets the correlation and nonce cookies, redirects (302).
            await http.ChallengeAsync(StaffOidcOptions.Scheme, properties);
            return Results.Empty;
        }
        catch (Exception ex) when (StaffOidcEvents.IsProviderUnreachable(ex))
        {
            LogProviderUnreachable(logger, ex.GetType().Name);
            return StaffSignInAnswers.Form(http, language, returnUrl, StaffSignInAnswers.Errors.OrganisationUnavailable, StatusCodes.Status503ServiceUnavailable);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Staff sign-in could not reach the OpenID Connect provider ({Reason})")]
    private static partial void LogProviderUnreachable(ILogger logger, string reason);
}
