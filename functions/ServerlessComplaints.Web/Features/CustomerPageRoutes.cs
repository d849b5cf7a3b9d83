using Microsoft.AspNetCore.Http;
using ServerlessComplaints.Web.Pages;
using ServerlessComplaints.Web.Routing;
using ServerlessComplaints.Workflow.Calendar;
using ServerlessComplaints.Workflow.Domain;

namespace ServerlessComplaints.Web.Features;

/// <summary>The customer's pages: the form (<c>GET /</c>) with its script, and the status page behind the status link.</summary>
internal static class CustomerPageRoutes
{
    public static IEnumerable<WebRoute> Routes { get; } =
    [
        WebRoute.Get("FormPage", RouteTemplates.Root, RouteKind.Page, _ => Task.FromResult<IResult>(Page.Of<FormPage>(CaseLanguage.Chinese))),
        WebRoute.Get("FormScript", RouteTemplates.FormScript, RouteKind.Asset, _ => Task.FromResult(StaticAssets.Get(FormPage.FormScriptPath))),
        WebRoute.Get("StatusPage", RouteTemplates.StatusPage, RouteKind.Page, StatusPageAsync) with { RateLimited = true },
    ];

    private static async Task<IResult> StatusPageAsync(RouteRequest request)
    {
        var view = await request.Cases.Status.FindAsync(request.Value("trackingNumber"), request.Request.Query["t"].ToString(), null, request.Aborted);
        return view is null
            ? Page.Of<CaseNotFoundPage>(CaseLanguage.Chinese, statusCode: StatusCodes.Status404NotFound)
            : Page.Of<StatusPage>(view.Language, new { View = view, Zone = request.Service<BusinessCalendar>().TimeZone });
    }
}
