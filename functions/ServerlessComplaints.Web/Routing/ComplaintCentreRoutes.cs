using ServerlessComplaints.Web.Features;

namespace ServerlessComplaints.Web.Routing;

/// <summary>
/// The route table: every HTTP entry point both hosts serve, once. LocalHost maps it
/// (<see cref="ComplaintCentreEndpoints.MapComplaintCentre"/>); the Functions app declares one trigger per route with
/// the same name, template and methods, and a test compares its built functions.metadata with this table.
/// </summary>
public static class ComplaintCentreRoutes
{
    public static IReadOnlyList<WebRoute> All { get; } =
    [
        .. ComplaintFormRoutes.Routes,
        .. StatusLookupRoutes.Routes,
        .. CustomerPageRoutes.Routes,
        .. ComplaintRoutes.Routes,
        .. ActionLinkRoutes.Routes,
        .. EvidenceRoutes.Routes,
        .. InboundEmailRoutes.Routes,
        .. StaffRoutes.Routes,
        .. StaffPageRoutes.Routes,
        .. StaffOrganisationRoutes.Routes,
        .. StaffCaseRoutes.Routes,
        .. StaffQueueRoutes.Routes,
        .. StaffDashboardRoutes.Routes,
        .. StaffExportRoutes.Routes,
        .. HealthRoutes.Routes,
    ];

    private static readonly Dictionary<string, WebRoute> ByName = All.ToDictionary(r => r.Name, StringComparer.Ordinal);

    public static WebRoute Named(string name) =>
        ByName.TryGetValue(name, out var route) ? route : throw new KeyNotFoundException($"The route table has no route '{name}'.");
}
