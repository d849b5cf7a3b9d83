using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using ServerlessComplaints.Web.Features;
using ServerlessComplaints.Web.Http;
using ServerlessComplaints.Web.Pages;
using ServerlessComplaints.Workflow.Assessment;

namespace ServerlessComplaints.Web.Staff.Oidc;

/// <summary>
/// The provider's answer, after the handler has checked state, correlation, code exchange with PKCE, the ID token and
/// the nonce: a signed ID token is required, its sign-in name (<see cref="StaffOidcOptions.NameClaim"/>) must be a staff
/// directory email, then the <see cref="StaffSessions"/> cookie is issued and the browser goes to the local return
/// path. Anything else is the sign-in page with the reason, in the page's language; nothing of the token is logged.
/// </summary>
internal sealed partial class StaffOidcEvents(StaffDirectory directory, StaffSessions sessions, IOptions<StaffOidcOptions> options, ILogger<StaffOidcEvents> logger)
    : OpenIdConnectEvents
{
    private readonly StaffOidcOptions _options = options.Value;

    public override Task TokenValidated(TokenValidatedContext context)
    {
        ArgumentNullException.ThrowIfNull(context);

        // The handler accepts an unsigned ID token from the token endpoint (the protocol allows it over TLS); a staff
        // session takes only one signed with a key the provider publishes. Thrown, not context.Fail: the handler then
        // fails with the sign-in's properties (its language and return path), as for any token it refuses itself.
        return context.SecurityToken is { RawSignature.Length: > 0 }
            ? Task.CompletedTask
            : throw new SecurityTokenInvalidSignatureException("The ID token is not signed.");
    }

    // After the whole response is validated (the nonce is checked after TokenValidated), never earlier.
    public override async Task TicketReceived(TicketReceivedContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.HandleResponse();
        var http = context.HttpContext;
        var language = LanguageOf(context.Properties, http.Request);
        if (directory.FindByEmail(SignInName(context.Principal)) is not { } member)
        {
            LogNotStaff(logger, _options.NameClaim);
            await WriteAsync(http, StaffSignInAnswers.Form(http, language, context.ReturnUri, StaffSignInAnswers.Errors.NotStaff, StatusCodes.Status403Forbidden));
            return;
        }

        LogSignedIn(logger, member.Id);
        await WriteAsync(http, StaffSignInAnswers.SignedIn(http, sessions, member, context.ReturnUri, language));
    }

    public override async Task RemoteFailure(RemoteFailureContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.HandleResponse();
        var http = context.HttpContext;
        var unreachable = context.Failure is { } failure && IsProviderUnreachable(failure);
        LogRefused(logger, context.Failure?.GetType().Name ?? "unknown");
        var returnUrl = context.Properties?.RedirectUri;
        await WriteAsync(http, unreachable
            ? StaffSignInAnswers.Form(http, LanguageOf(context.Properties, http.Request), returnUrl, StaffSignInAnswers.Errors.OrganisationUnavailable, StatusCodes.Status503ServiceUnavailable)
            : StaffSignInAnswers.Form(http, LanguageOf(context.Properties, http.Request), returnUrl, StaffSignInAnswers.Errors.OrganisationFailed, StatusCodes.Status400BadRequest));
    }

    /// <summary>The provider's discovery, keys or token endpoint did not answer (as opposed to an answer that was refused).</summary>
    public static bool IsProviderUnreachable(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            if (e is HttpRequestException or IOException or TimeoutException or TaskCanceledException)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The configured sign-in name; <c>email</c> only when the provider says it verified it.</summary>
    private string? SignInName(ClaimsPrincipal? principal)
    {
        if (principal is null)
        {
            return null;
        }

        if (_options.NameClaim == StaffOidcOptions.EmailClaim
            && !string.Equals(principal.FindFirst("email_verified")?.Value, "true", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return principal.FindFirst(_options.NameClaim)?.Value;
    }

    private static string LanguageOf(AuthenticationProperties? properties, HttpRequest request) =>
        PageLanguage.Known(properties?.Items.TryGetValue(OidcOrganisationSignIn.LanguageItem, out var language) == true ? language : null)
        ?? PageLanguage.For(request);

    private static Task WriteAsync(HttpContext http, IResult answer)
    {
        PageSecurity.ApplyToPage(http.Response);
        return answer.ExecuteAsync(http);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Staff {StaffId} signed in with the organisation's OpenID Connect provider")]
    private static partial void LogSignedIn(ILogger logger, string staffId);

    [LoggerMessage(Level = LogLevel.Information, Message = "OpenID Connect sign-in refused: the {NameClaim} of a valid ID token is not a staff directory email (or is unverified)")]
    private static partial void LogNotStaff(ILogger logger, string nameClaim);

    [LoggerMessage(Level = LogLevel.Information, Message = "OpenID Connect sign-in refused: {Reason}")]
    private static partial void LogRefused(ILogger logger, string reason);
}
