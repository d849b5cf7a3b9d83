using Microsoft.AspNetCore.Http;
using ServerlessComplaints.Web.Http;
using ServerlessComplaints.Web.Pages;
using ServerlessComplaints.Web.Routing;
using ServerlessComplaints.Web.Staff;
using ServerlessComplaints.Workflow.Api;
using ServerlessComplaints.Workflow.Assessment;
using ServerlessComplaints.Workflow.Localization;
using ServerlessComplaints.Workflow.Workspace;

namespace ServerlessComplaints.Web.Features;

/// <summary>
/// The staff dashboard: <c>GET /staff/dashboard</c> (the page: filters, a chart per figure drawn by ECharts from the
/// figure's table), <c>GET /api/staff/dashboard</c> (the same figures as JSON, for integrations; staff bearer key) and
/// the two scripts the page loads (ECharts, vendored from npm, and <c>dashboard.js</c>). Who sees what:
/// <see cref="DashboardQuery"/> (supervisors their department, managers and up everything, others a 403 page).
/// </summary>
internal static class StaffDashboardRoutes
{
    public const string ChartsScriptResource = RouteTemplates.ChartsScript;
    public const string DashboardScriptResource = RouteTemplates.DashboardScript;

    public static IEnumerable<WebRoute> Routes { get; } =
    [
        WebRoute.Get("StaffDashboardPage", RouteTemplates.StaffDashboard, RouteKind.Page, PageAsync),
        WebRoute.Get("StaffDashboardApi", RouteTemplates.StaffDashboardApi, RouteKind.Api, ApiAsync),
        WebRoute.Get("ChartsScript", RouteTemplates.ChartsScript, RouteKind.Asset, _ => Task.FromResult(StaticAssets.Get(ChartsScriptResource))),
        WebRoute.Get("DashboardScript", RouteTemplates.DashboardScript, RouteKind.Asset, _ => Task.FromResult(StaticAssets.Get(DashboardScriptResource))),
    ];

    /// <summary>The address of a script with its content's hash, so the page always loads the version it was built with.</summary>
    public static string ScriptSource(string resource) => "/" + resource + "?v=" + StaticAssets.VersionOf(resource);

    /// <summary>The centre's today (the business calendar's zone): the default period ends with it.</summary>
    public static DateOnly Today(RouteRequest request) =>
        DateOnly.FromDateTime(request.Service<CaseTimes>().Local(request.Service<TimeProvider>().GetUtcNow().UtcDateTime));

    private static async Task<IResult> PageAsync(RouteRequest request)
    {
        var language = PageLanguage.For(request.Request);
        if (request.Service<StaffSessions>().Current(request.Http) is not { } staff)
        {
            return StaffPageRoutes.SignInFirst(request, language);
        }

        var query = DashboardQuery.Read(request.Request.Query, staff, request.Service<StaffDirectory>(), Today(request));
        if (query.Forbidden || query.Errors.Count > 0)
        {
            return Refused(request, language, staff, query);
        }

        var figures = await request.Service<IDashboard>().ReadAsync(query.Filter, request.Aborted);
        return Page(request, language, staff, query, figures, StatusCodes.Status200OK);
    }

    private static async Task<IResult> ApiAsync(RouteRequest request)
    {
        var signIn = await request.Service<IStaffSignIn>().SignInAsync(request.Request, request.Aborted);
        if (signIn.Staff is not { } staff)
        {
            return signIn.Refusal().ToResult();
        }

        var query = DashboardQuery.Read(request.Request.Query, staff, request.Service<StaffDirectory>(), Today(request));
        if (query.Forbidden)
        {
            return ApiResponse.Problem(StatusCodes.Status403Forbidden, "Not allowed.", "The dashboard is for supervisors (their department) and managers and up (every department).").ToResult();
        }

        if (query.Errors.Count > 0)
        {
            return ApiResponse.Invalid(query.Errors.ToDictionary(e => e.Key, e => new[] { ApiErrors[e.Value] })).ToResult();
        }

        return ApiResponse.Ok(await request.Service<IDashboard>().ReadAsync(query.Filter, request.Aborted)).ToResult();
    }

    private static readonly Dictionary<string, string> ApiErrors = new(StringComparer.Ordinal)
    {
        ["date"] = "Use a date as yyyy-MM-dd.",
        ["range"] = "The end of the period is before its start.",
        ["span"] = $"A period covers at most {DashboardQuery.MaxDays} days.",
        ["choice"] = "Not one of the values offered.",
        ["too-long"] = $"At most {DashboardQuery.MaxTextLength} characters.",
    };

    /// <summary>The dashboard page saying why a view (or its export) is refused: not allowed (403) or bad values (400).</summary>
    internal static IResult Refused(RouteRequest request, string language, StaffMember staff, DashboardQuery query) =>
        Page(request, language, staff, query, null, query.Forbidden ? StatusCodes.Status403Forbidden : StatusCodes.Status400BadRequest);

    private static IResult Page(RouteRequest request, string language, StaffMember staff, DashboardQuery query, DashboardFigures? figures, int status) =>
        Pages.Page.Of<StaffDashboardPage>(language, new
        {
            Lang = language,
            Staff = staff,
            Antiforgery = StaffPageRoutes.Token(request),
            Query = query,
            Figures = figures,
        }, status);
}
