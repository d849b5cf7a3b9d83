using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using ServerlessComplaints.Web.Pages;
using ServerlessComplaints.Web.Staff;
using ServerlessComplaints.Workflow.Assessment;
using ServerlessComplaints.Workflow.Security;

namespace ServerlessComplaints.Web.Features;

/// <summary>
/// What every way of signing in answers with: the sign-in page offering what this host has (staff key when keys are
/// configured, the organisation account when offered, Development's one-click on loopback) with the reason of a
/// refusal; or the session cookie and a 303 to the local return path.
/// </summary>
internal static class StaffSignInAnswers
{
    /// <summary>The refusals the page words (<c>StaffSignIn.Error.{error}</c>).</summary>
    public static class Errors
    {
        public const string NotStaff = "notStaff";
        public const string OrganisationFailed = "organisationFailed";
        public const string OrganisationUnavailable = "organisationUnavailable";
        public const string OrganisationNotOffered = "organisationNotOffered";
    }

    public const string OrganisationPath = "/" + Routing.RouteTemplates.StaffOrganisationSignIn;

    public static IResult Form(HttpContext http, string language, string? returnUrl, string? error = null, int status = StatusCodes.Status200OK)
    {
        ArgumentNullException.ThrowIfNull(http);
        var services = http.RequestServices;
        var sessions = services.GetRequiredService<StaffSessions>();
        var local = StaffReturnUrl.Local(returnUrl);
        var organisationUrl = services.GetService<IOrganisationSignIn>() is { IsOffered: true }
            ? $"{OrganisationPath}?lang={Uri.EscapeDataString(language)}{(local is null ? "" : $"&{StaffReturnUrl.QueryName}={Uri.EscapeDataString(local)}")}"
            : null;
        return Page.Of<StaffSignInPage>(language, new
        {
            Lang = language,
            Error = error,
            DevStaff = sessions.DevSignInAllowed(http) ? sessions.Directory : null,
            KeySignIn = services.GetService<StaffAuthenticator>() is { HasKeys: true },
            OrganisationUrl = organisationUrl,
            ReturnUrl = local,
            Antiforgery = Token(http),
        }, status);
    }

    /// <summary>Issues the session and sends the browser on: to the local return path, else the queue.</summary>
    public static IResult SignedIn(HttpContext http, StaffSessions sessions, StaffMember member, string? returnUrl, string language)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(sessions);
        sessions.SignIn(http, member);
        http.Response.Headers.Location = StaffReturnUrl.OrQueue(returnUrl, language);
        return Results.StatusCode(StatusCodes.Status303SeeOther);
    }

    public static AntiforgeryTokenSet Token(HttpContext http) => http.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(http);
}
