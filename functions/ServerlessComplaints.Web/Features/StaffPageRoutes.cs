using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using ServerlessComplaints.Web.Pages;
using ServerlessComplaints.Web.Routing;
using ServerlessComplaints.Web.Staff;
using ServerlessComplaints.Workflow.Security;

namespace ServerlessComplaints.Web.Features;

/// <summary>
/// The staff sign-in pages: <c>GET/POST /staff/sign-in</c> (staff key; in Development on loopback only, "sign in as"
/// any directory member) and <c>POST /staff/sign-out</c>. The session is a <see cref="StaffSessions"/> cookie; every
/// form carries an antiforgery token and a post without a valid one is refused (400) before anything else is read.
/// A staff page asked for without a session sends the browser here (<see cref="SignInFirst"/>) with its own address as
/// <c>returnUrl</c>, where signing in returns to, if it is a staff page of this site (<see cref="LocalReturnUrl"/>).
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
        var returnUrl = LocalReturnUrl(here) is { } local ? "&returnUrl=" + Uri.EscapeDataString(local) : "";
        return Redirect(request, "/staff/sign-in", language, returnUrl);
    }

    /// <summary>
    /// <paramref name="url"/> when it is a staff page of this site ("/staff", "/staff/…", "/staff?…"): a path, not
    /// "//host" nor "/\host" nor a scheme, no control characters; otherwise null (an open redirect is never followed).
    /// </summary>
    internal static string? LocalReturnUrl(string? url) =>
        url is { Length: > 0 and <= 2000 }
        && (url == "/staff" || url.StartsWith("/staff/", StringComparison.Ordinal) || url.StartsWith("/staff?", StringComparison.Ordinal))
        && !url.Contains("//", StringComparison.Ordinal) && !url.Contains('\\', StringComparison.Ordinal) && !url.Any(char.IsControl)
            ? url
            : null;

    internal static AntiforgeryTokenSet Token(RouteRequest request) => request.Service<IAntiforgery>().GetAndStoreTokens(request.Http);

    private static Task<IResult> SignInPageAsync(RouteRequest request)
    {
        var language = PageLanguage.For(request.Request);
        return Task.FromResult(SignInForm(request, language, LocalReturnUrl(request.Request.Query["returnUrl"].ToString())));
    }

    private static async Task<IResult> SignInAsync(RouteRequest request)
    {
        if (await RefusedAsync(request) is { } refused)
        {
            return refused;
        }

        var form = await request.Request.ReadFormAsync(request.Aborted);
        var language = PageLanguage.Known(form[PageLanguage.FormFieldName].ToString()) ?? PageLanguage.For(request.Request);
        var returnUrl = LocalReturnUrl(form["returnUrl"].ToString());
        var sessions = request.Service<StaffSessions>();
        if (form["signInAs"].ToString() is { Length: > 0 } staffId)
        {
            if (!sessions.DevSignInAllowed(request.Http))
            {
                return SignInForm(request, language, returnUrl, "devRefused", StatusCodes.Status403Forbidden);
            }

            if (sessions.Directory.FirstOrDefault(m => string.Equals(m.Id, staffId, StringComparison.OrdinalIgnoreCase)) is not { } member)
            {
                return SignInForm(request, language, returnUrl, "unknownStaff", StatusCodes.Status400BadRequest);
            }

            sessions.SignIn(request.Http, member);
            return Return(request, returnUrl, language);
        }

        var key = form["key"].ToString().Trim();
        if (key.Length == 0)
        {
            return SignInForm(request, language, returnUrl, "required", StatusCodes.Status400BadRequest);
        }

        // The same directory mapping as the staff API's bearer keys; a host without staff keys (Functions: Entra ID) has none.
        var keys = request.Http.RequestServices.GetService(typeof(StaffAuthenticator)) as StaffAuthenticator;
        if (keys?.Authenticate("Bearer " + key) is not { } staff)
        {
            return SignInForm(request, language, returnUrl, "invalid", StatusCodes.Status400BadRequest);
        }

        sessions.SignIn(request.Http, staff);
        return Return(request, returnUrl, language);
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
        return SignInForm(request, language, null, "antiforgery", StatusCodes.Status400BadRequest);
    }

    private static IResult SignInForm(RouteRequest request, string language, string? returnUrl, string? error = null, int status = StatusCodes.Status200OK)
    {
        var sessions = request.Service<StaffSessions>();
        var devStaff = sessions.DevSignInAllowed(request.Http) ? sessions.Directory : null;
        return Page.Of<StaffSignInPage>(language, new { Lang = language, Error = error, DevStaff = devStaff, ReturnUrl = returnUrl, Antiforgery = Token(request) }, status);
    }

    // Signed in: back to the staff page that sent the browser here (in the language it asked for), else the queue.
    private static IResult Return(RouteRequest request, string? returnUrl, string language)
    {
        if (returnUrl is null)
        {
            return Redirect(request, "/staff", language);
        }

        var withLanguage = QueryHelpers.ParseQuery(returnUrl.IndexOf('?', StringComparison.Ordinal) is var q and >= 0 ? returnUrl[q..] : "").ContainsKey(PageLanguage.QueryName)
            ? returnUrl
            : QueryHelpers.AddQueryString(returnUrl, PageLanguage.QueryName, language);
        request.Http.Response.Headers.Location = withLanguage;
        return Results.StatusCode(StatusCodes.Status303SeeOther);
    }

    private static IResult Redirect(RouteRequest request, string path, string language, string more = "")
    {
        request.Http.Response.Headers.Location = path + "?lang=" + Uri.EscapeDataString(language) + more;
        return Results.StatusCode(StatusCodes.Status303SeeOther);
    }
}
