using Microsoft.AspNetCore.Http;
using ServerlessComplaints.Web.Pages;
using ServerlessComplaints.Web.Routing;

namespace ServerlessComplaints.Web.Features;

/// <summary>The customer's status page behind the status link (the form is <see cref="ComplaintFormRoutes"/>).</summary>
internal static class CustomerPageRoutes
{
    public static IEnumerable<WebRoute> Routes { get; } =
    [
        WebRoute.Get("StatusPage", RouteTemplates.StatusPage, RouteKind.Page, StatusPageAsync) with { RateLimited = true },
    ];

    private static async Task<IResult> StatusPageAsync(RouteRequest request)
    {
        var view = await request.Cases.Status.FindAsync(request.Value("trackingNumber"), request.Request.Query["t"].ToString(), null, request.Aborted);
        if (view is null)
        {
            return NotFound(request);
        }

        var language = PageLanguage.For(request.Request, view.Language);
        return Page.Of<StatusPage>(language, new { View = view, Lang = language });
    }

    /// <summary>A missing case and a wrong token read the same (no enumeration), in the language asked for.</summary>
    public static IResult NotFound(RouteRequest request)
    {
        var language = PageLanguage.For(request.Request);
        return Page.Of<CaseNotFoundPage>(language, new { Lang = language }, StatusCodes.Status404NotFound);
    }
}
