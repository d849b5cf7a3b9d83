using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using ServerlessComplaints.Web.Pages;
using ServerlessComplaints.Web.Routing;
using ServerlessComplaints.Web.Staff;
using ServerlessComplaints.Workflow.Security;

namespace ServerlessComplaints.Web.Features;

/// <summary>
/// The staff pages: <c>GET/POST /staff/sign-in</c> (staff key when keys are configured; in Development on loopback
/// only, "sign in as" any directory member; a link to the organisation sign-in when the host offers one, see
/// <see cref="StaffOrganisationRoutes"/>) and <c>POST /staff/sign-out</c>. The session is a <see cref="StaffSessions"/>
/// cookie; every form carries an antiforgery token and a post without a valid one is refused (400) before anything
/// else is read. A staff page asked for without a session sends the browser here (<see cref="SignInFirst"/>) with its
/// own address as <c>returnUrl</c>; a sign-in goes on to it if it is a staff page of this site (<see cref="StaffReturnUrl"/>).
/// </summary>
internal static class StaffPageRoutes
{
    public static IEnumerable<WebRoute> Routes { get; } =
    [
        WebRoute.Get("StaffSignInPage", RouteTemplates.StaffSignIn, RouteKind.Page, SignInPageAsync),
        WebRoute.Post("StaffSignIn", RouteTemplates.StaffSignIn, RouteKind.Page, SignInAsync) with { RateLimited = true },
        WebRoute.Post("StaffSignOut", RouteTemplates.StaffSignOut, RouteKind.Page, SignOutAsync),
    ];

    /// <summary>The answer to a staff page asked for without a session: 303 to the sign-in page, which returns to this page.</summary>
    internal static IResult SignInFirst(RouteRequest request, string language)
    {
        var here = (request.Request.PathBase + request.Request.Path).Value + request.Request.QueryString.Value;
        var returnUrl = StaffReturnUrl.Local(here) is { } local ? $"&{StaffReturnUrl.QueryName}={Uri.EscapeDataString(local)}" : "";
        request.Http.Response.Headers.Location = "/staff/sign-in?lang=" + Uri.EscapeDataString(language) + returnUrl;
        return Results.StatusCode(StatusCodes.Status303SeeOther);
    }

    private static Task<IResult> SignInPageAsync(RouteRequest request)
    {
        var language = PageLanguage.For(request.Request);
        return Task.FromResult(StaffSignInAnswers.Form(request.Http, language, request.Request.Query[StaffReturnUrl.QueryName].ToString()));
    }

    private static async Task<IResult> SignInAsync(RouteRequest request)
    {
        if (await RefusedAsync(request) is { } refused)
        {
            return refused;
        }

        var form = await request.Request.ReadFormAsync(request.Aborted);
        var language = PageLanguage.Known(form[PageLanguage.FormFieldName].ToString()) ?? PageLanguage.For(request.Request);
        var returnUrl = form[StaffReturnUrl.QueryName].ToString();
        var sessions = request.Service<StaffSessions>();
        if (form["signInAs"].ToString() is { Length: > 0 } staffId)
        {
            if (!sessions.DevSignInAllowed(request.Http))
            {
                return SignInForm(request, language, "devRefused", StatusCodes.Status403Forbidden, returnUrl);
            }

            if (sessions.Directory.FirstOrDefault(m => string.Equals(m.Id, staffId, StringComparison.OrdinalIgnoreCase)) is not { } member)
            {
                return SignInForm(request, language, "unknownStaff", StatusCodes.Status400BadRequest, returnUrl);
            }

            return StaffSignInAnswers.SignedIn(request.Http, sessions, member, returnUrl, language);
        }

        var key = form["key"].ToString().Trim();
        if (key.Length == 0)
        {
            return SignInForm(request, language, "required", StatusCodes.Status400BadRequest, returnUrl);
        }

        // The same directory mapping as the staff API's bearer keys; a host without staff keys (Functions: Entra ID) has none.
        var keys = request.Http.RequestServices.GetService(typeof(StaffAuthenticator)) as StaffAuthenticator;
        if (keys?.Authenticate("Bearer " + key) is not { } staff)
        {
            return SignInForm(request, language, "invalid", StatusCodes.Status400BadRequest, returnUrl);
        }

        return StaffSignInAnswers.SignedIn(request.Http, sessions, staff, returnUrl, language);
    }

    private static async Task<IResult> SignOutAsync(RouteRequest request)
    {
        if (await RefusedAsync(request) is { } refused)
        {
            return refused;
        }

        var form = await request.Request.ReadFormAsync(request.Aborted);
        var language = PageLanguage.Known(form[PageLanguage.FormFieldName].ToString()) ?? PageLanguage.For(request.Request);
        StaffSessions.SignOut(request.Http);
        return Redirect(request, "/staff/sign-in", language);
    }

    /// <summary>A post that is no form or carries no valid antiforgery token: the error page, 400, in the page's language.</summary>
    private static async Task<IResult?> RefusedAsync(RouteRequest request)
    {
        if (request.Request.HasFormContentType && await request.Service<IAntiforgery>().IsRequestValidAsync(request.Http))
        {
            return null;
        }

        // The validator has read the form, if there was one: its language field says the page's language.
        var language = PageLanguage.OfPostedForm(request.Request) ?? PageLanguage.For(request.Request);
        return SignInForm(request, language, "antiforgery", StatusCodes.Status400BadRequest);
    }

    private static IResult SignInForm(RouteRequest request, string language, string? error = null, int status = StatusCodes.Status200OK, string? returnUrl = null) =>
        StaffSignInAnswers.Form(request.Http, language, returnUrl, error, status);

    internal static AntiforgeryTokenSet Token(RouteRequest request) => StaffSignInAnswers.Token(request.Http);

    private static IResult Redirect(RouteRequest request, string path, string language)
    {
        request.Http.Response.Headers.Location = path + "?lang=" + Uri.EscapeDataString(language);
        return Results.StatusCode(StatusCodes.Status303SeeOther);
    }
}
