using Microsoft.AspNetCore.Http;
using ServerlessComplaints.Web.Pages;
using ServerlessComplaints.Web.Routing;
using ServerlessComplaints.Web.Staff;
using ServerlessComplaints.Workflow.Assessment;
using ServerlessComplaints.Workflow.Domain;
using ServerlessComplaints.Workflow.Workspace;
using QueueResult = ServerlessComplaints.Workflow.Workspace.StaffQueuePage;

namespace ServerlessComplaints.Web.Features;

/// <summary>
/// <c>GET /staff</c>: the signed-in staff member's queue (<see cref="IStaffQueue"/>) with the scope, filters, search,
/// sort and page of its query string. No session: to the sign-in page and back. A bad value: the page with the
/// field's error, 400; a scope beyond the viewer's role (All below manager): the page saying so, 403.
/// </summary>
internal static class StaffQueueRoutes
{
    public static IEnumerable<WebRoute> Routes { get; } =
    [
        WebRoute.Get("StaffQueuePage", RouteTemplates.StaffHome, RouteKind.Page, QueueAsync),
    ];

    /// <summary>The scopes a role may list: everyone their own and their department's; managers and up every department's.</summary>
    public static IReadOnlyList<QueueScope> ScopesFor(StaffRole role) =>
        role >= StaffRole.Manager ? [QueueScope.Mine, QueueScope.Department, QueueScope.All] : [QueueScope.Mine, QueueScope.Department];

    /// <summary>Supervisors and up reassign (within their department; managers and up across departments).</summary>
    public static bool MayReassign(StaffRole role) => role >= StaffRole.Supervisor;

    private static async Task<IResult> QueueAsync(RouteRequest request)
    {
        var language = PageLanguage.For(request.Request);
        if (request.Service<StaffSessions>().Current(request.Http) is not { } staff)
        {
            return StaffPageRoutes.SignInFirst(request, language);
        }

        var query = StaffQueueQuery.Read(request.Request.Query, request.Service<StaffDirectory>());
        if (query.Errors.Count > 0)
        {
            return QueuePage(request, language, staff, query, null, StatusCodes.Status400BadRequest);
        }

        if (!ScopesFor(staff.Role).Contains(query.Request.Scope))
        {
            return QueuePage(request, language, staff, query, null, StatusCodes.Status403Forbidden);
        }

        QueueResult page;
        try
        {
            page = await request.Service<IStaffQueue>().ListAsync(staff, query.Request, request.Aborted);
        }
        catch (UnauthorizedAccessException)
        {
            return QueuePage(request, language, staff, query, null, StatusCodes.Status403Forbidden); // the queue's own check, should the roles ever differ
        }

        return QueuePage(request, language, staff, query, page, StatusCodes.Status200OK);
    }

    internal static IResult QueuePage(RouteRequest request, string language, StaffMember staff, StaffQueueQuery query, QueueResult? page, int status) =>
        Page.Of<Pages.StaffQueuePage>(language, new
        {
            Lang = language,
            Staff = staff,
            Antiforgery = StaffPageRoutes.Token(request),
            Query = query,
            Result = page,
            Forbidden = status == StatusCodes.Status403Forbidden,
        }, status);
}
