using Microsoft.AspNetCore.Http;
using ServerlessComplaints.Web.Pages;
using ServerlessComplaints.Web.Routing;
using ServerlessComplaints.Web.Staff;
using Errors = ServerlessComplaints.Web.Features.StaffSignInAnswers.Errors;

namespace ServerlessComplaints.Web.Features;

/// <summary>
/// Sign-in with the organisation's account, in both hosts: <c>GET /staff/sign-in/organisation</c> sends the browser to
/// the host's identity provider (<see cref="IOrganisationSignIn"/>: OpenID Connect in the container host, whose answer
/// its handler takes at <c>/staff/sign-in/oidc</c>; App Service authentication in the Functions app), and
/// <c>GET /staff/sign-in/platform</c> is where App Service sends it back: the forwarded ID token is validated by the
/// host's <see cref="IStaffSignIn"/> and the staff session issued. A host that offers neither answers 404.
/// </summary>
internal static class StaffOrganisationRoutes
{
    public static IEnumerable<WebRoute> Routes { get; } =
    [
        WebRoute.Get("StaffOrganisationSignIn", RouteTemplates.StaffOrganisationSignIn, RouteKind.Page, StartAsync),
        WebRoute.Get("StaffPlatformSignIn", RouteTemplates.StaffPlatformSignIn, RouteKind.Page, PlatformAsync),
    ];

    private static async Task<IResult> StartAsync(RouteRequest request)
    {
        var language = PageLanguage.For(request.Request);
        var returnUrl = StaffReturnUrl.OrQueue(request.Request.Query[StaffReturnUrl.QueryName].ToString(), language);
        if (request.Http.RequestServices.GetService(typeof(IOrganisationSignIn)) is not IOrganisationSignIn { IsOffered: true } organisation)
        {
            return StaffSignInAnswers.Form(request.Http, language, returnUrl, Errors.OrganisationNotOffered, StatusCodes.Status404NotFound);
        }

        return await organisation.StartAsync(request.Http, language, returnUrl);
    }

    private static async Task<IResult> PlatformAsync(RouteRequest request)
    {
        var language = PageLanguage.For(request.Request);
        var returnUrl = request.Request.Query[StaffReturnUrl.QueryName].ToString();
        if (request.Http.RequestServices.GetService(typeof(IOrganisationSignIn)) is not AppServiceSignIn { IsOffered: true })
        {
            return StaffSignInAnswers.Form(request.Http, language, returnUrl, Errors.OrganisationNotOffered, StatusCodes.Status404NotFound);
        }

        // The ID token App Service forwards from its token store, checked like any token; never X-MS-CLIENT-PRINCIPAL.
        var signIn = await request.Service<IStaffSignIn>().SignInAsync(request.Request, request.Aborted);
        return signIn.Outcome switch
        {
            StaffSignInOutcome.SignedIn => StaffSignInAnswers.SignedIn(request.Http, request.Service<StaffSessions>(), signIn.Staff!, returnUrl, language),
            StaffSignInOutcome.NotStaff => StaffSignInAnswers.Form(request.Http, language, returnUrl, Errors.NotStaff, StatusCodes.Status403Forbidden),
            StaffSignInOutcome.SignInUnavailable or StaffSignInOutcome.NotConfigured
                => StaffSignInAnswers.Form(request.Http, language, returnUrl, Errors.OrganisationUnavailable, StatusCodes.Status503ServiceUnavailable),
            _ => StaffSignInAnswers.Form(request.Http, language, returnUrl, Errors.OrganisationFailed, StatusCodes.Status401Unauthorized),
        };
    }
}
