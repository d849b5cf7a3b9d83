using System.Globalization;
using Microsoft.AspNetCore.Http;
using ServerlessComplaints.Web.Exports;
using ServerlessComplaints.Web.Pages;
using ServerlessComplaints.Web.Routing;
using ServerlessComplaints.Web.Staff;
using ServerlessComplaints.Workflow.Assessment;
using ServerlessComplaints.Workflow.Cases;
using ServerlessComplaints.Workflow.Domain;
using ServerlessComplaints.Workflow.Lifecycle;
using ServerlessComplaints.Workflow.Localization;
using ServerlessComplaints.Workflow.Workspace;

namespace ServerlessComplaints.Web.Features;

/// <summary>
/// The staff exports as CSV (<see cref="CsvDownload"/>: UTF-8 with BOM, headers in the page's language), each behind the
/// staff sign-in and the rules of the page it is exported from:
/// <c>/staff/exports/queue</c> the queue with the queue page's query string, its whole listing up to <see cref="MaxRows"/> rows;
/// <c>/staff/exports/closed</c> the closed (and archived) cases among those the dashboard's filter selects (received in
/// the period, department, location, category), listed through the queue's projection and each record read once, up to
/// <see cref="MaxRows"/>; <c>/staff/exports/dashboard</c> the dashboard's numbers, a row per value.
/// </summary>
internal static class StaffExportRoutes
{
    /// <summary>The most rows an export lists; a larger selection is cut there.</summary>
    public const int MaxRows = 10_000;

    public static IEnumerable<WebRoute> Routes { get; } =
    [
        WebRoute.Get("StaffQueueExport", RouteTemplates.StaffQueueExport, RouteKind.Api, QueueAsync),
        WebRoute.Get("StaffClosedExport", RouteTemplates.StaffClosedExport, RouteKind.Api, ClosedAsync),
        WebRoute.Get("StaffDashboardExport", RouteTemplates.StaffDashboardExport, RouteKind.Api, DashboardAsync),
    ];

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
            return StaffQueueRoutes.QueuePage(request, language, staff, query, null, StatusCodes.Status400BadRequest);
        }

        if (!StaffQueueRoutes.ScopesFor(staff.Role).Contains(query.Request.Scope))
        {
            return StaffQueueRoutes.QueuePage(request, language, staff, query, null, StatusCodes.Status403Forbidden);
        }

        var rows = await ListAsync(request, staff, query.Request, MaxRows);
        var culture = CaseCulture.Of(language);
        var times = request.Service<CaseTimes>();
        var directory = request.Service<StaffDirectory>();
        var text = request.Service<PageText>();
        var now = request.Service<TimeProvider>().GetUtcNow().UtcDateTime;
        string[] columns = ["tracking", "kind", "category", "subject", "customer", "location", "stage", "urgency", "owner", "department", "escalation", "received", "due", "sla"];
        return new CsvDownload(
            FileName("queue", language, now, times),
            [.. columns.Select(c => Header(text, language, c, times, now))],
            rows.Select(r => (IReadOnlyList<object?>)
            [
                r.TrackingNumber, CaseLabels.Of(r.Kind, culture), CaseLabels.Of(r.Category, culture), r.Subject, r.CustomerName, r.Location,
                CaseLabels.Stage(r.Stage, culture), CaseLabels.Of(r.Urgency, culture), Owner(directory, r.OwnerId), Department(directory, r.DepartmentId, language),
                r.EscalationLevel, Local(times, r.ReceivedAtUtc), Local(times, r.DueAtUtc), text.In(language, "Export.Sla." + WireNames.Of(r.Sla.Risk)),
            ])).ToResult();
    }

    private static async Task<IResult> ClosedAsync(RouteRequest request)
    {
        var language = PageLanguage.For(request.Request);
        if (request.Service<StaffSessions>().Current(request.Http) is not { } staff)
        {
            return StaffPageRoutes.SignInFirst(request, language);
        }

        var query = DashboardQuery.Read(request.Request.Query, staff, request.Service<StaffDirectory>(), StaffDashboardRoutes.Today(request));
        if (query.Forbidden || query.Errors.Count > 0)
        {
            return StaffDashboardRoutes.Refused(request, language, staff, query);
        }

        var filter = query.Filter;
        var listing = new StaffQueueRequest(
            Scope: staff.Role >= StaffRole.Manager ? QueueScope.All : QueueScope.Department,
            Category: filter.Category, Location: filter.Location, DepartmentId: filter.DepartmentId,
            ReceivedFrom: filter.From, ReceivedTo: filter.To, Sort: QueueSort.Received);
        var listed = new List<StaffQueueRow>();
        foreach (var stage in new[] { CaseStage.Closed, CaseStage.Archived })
        {
            listed.AddRange(await ListAsync(request, staff, listing with { Stage = stage }, MaxRows - listed.Count));
        }

        // The queue's row has no outcome or closing time: one point read per case (the export is capped, the queue is not scanned).
        var store = request.Service<IComplaintStore>();
        var records = new List<ComplaintRecord>(listed.Count);
        foreach (var chunk in listed.Chunk(20))
        {
            records.AddRange((await Task.WhenAll(chunk.Select(r => store.GetAsync(r.TrackingNumber, request.Aborted)))).OfType<ComplaintRecord>()
                .Where(r => r.Stage is CaseStage.Closed or CaseStage.Archived));
        }

        var culture = CaseCulture.Of(language);
        var times = request.Service<CaseTimes>();
        var directory = request.Service<StaffDirectory>();
        var text = request.Service<PageText>();
        var now = request.Service<TimeProvider>().GetUtcNow().UtcDateTime;
        string[] columns = ["tracking", "kind", "category", "subject", "location", "department", "owner", "received", "responded", "closed", "outcome", "remedy", "amount", "root-cause", "party", "rating", "reopened", "escalation"];
        return new CsvDownload(
            FileName("closed", language, now, times),
            [.. columns.Select(c => Header(text, language, c, times, now))],
            records.OrderBy(r => r.ClosedAtUtc).ThenBy(r => r.TrackingNumber, StringComparer.Ordinal).Select(r => (IReadOnlyList<object?>)
            [
                r.TrackingNumber, CaseLabels.Of(r.Details.Kind, culture), CaseLabels.Of(r.Details.Category, culture), r.Details.Subject, r.Details.Location,
                Department(directory, r.DepartmentId, language), Owner(directory, r.OwnerId), Local(times, r.Details.ReceivedAtUtc), Local(times, r.RespondedAtUtc),
                Local(times, r.ClosedAtUtc), r.Outcome is { } outcome ? CaseLabels.Outcome(outcome, culture) : null,
                r.Remedy is { } remedy ? CaseLabels.Of(remedy.Type, culture) : null, r.Remedy?.Amount,
                r.Findings?.RootCause, r.Findings is { } findings ? CaseLabels.Of(findings.ResponsibleParty, culture) : null,
                r.SurveyRating, r.ReopenCount, r.EscalationLevel,
            ])).ToResult();
    }

    private static async Task<IResult> DashboardAsync(RouteRequest request)
    {
        var language = PageLanguage.For(request.Request);
        if (request.Service<StaffSessions>().Current(request.Http) is not { } staff)
        {
            return StaffPageRoutes.SignInFirst(request, language);
        }

        var query = DashboardQuery.Read(request.Request.Query, staff, request.Service<StaffDirectory>(), StaffDashboardRoutes.Today(request));
        if (query.Forbidden || query.Errors.Count > 0)
        {
            return StaffDashboardRoutes.Refused(request, language, staff, query);
        }

        var figures = await request.Service<IDashboard>().ReadAsync(query.Filter, request.Aborted);
        var text = request.Service<PageText>();
        var tables = DashboardTables.Of(figures, language, text, request.Service<StaffDirectory>());
        string[] columns = ["figure", "figure-name", "item", "item-name", "measure", "measure-name", "value", "shown"];
        var times = request.Service<CaseTimes>();
        var now = request.Service<TimeProvider>().GetUtcNow().UtcDateTime;
        return new CsvDownload(
            FileName("dashboard", language, now, times),
            [.. columns.Select(c => text.In(language, "Export.Column." + c))],
            tables.SelectMany(t => t.Rows.SelectMany(row => t.Measures.Select((m, i) => (IReadOnlyList<object?>)
                [t.Code, t.Title, row.Key, row.Label, m.Code, m.Label, row.Cells[i].Number, row.Cells[i].Text])))).ToResult();
    }

    /// <summary>The queue listing in order, up to <paramref name="max"/> rows (one pass over the stored rows).</summary>
    private static async Task<List<StaffQueueRow>> ListAsync(RouteRequest request, StaffMember staff, StaffQueueRequest listing, int max)
    {
        var rows = new List<StaffQueueRow>();
        await foreach (var row in request.Service<IStaffQueue>().ListAllAsync(staff, listing, max, request.Aborted))
        {
            rows.Add(row);
        }

        return rows;
    }

    // Times as Excel reads them, in the centre's zone (named in the column's header).
    private static string? Local(CaseTimes times, DateTime? utc) =>
        utc is { } at ? times.Local(at).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : null;

    private static string Header(PageText text, string language, string column, CaseTimes times, DateTime now) =>
        text.FormatIn(language, "Export.Column." + column, new Dictionary<string, string> { ["zone"] = times.Zone(now) });

    private static string FileName(string what, string language, DateTime now, CaseTimes times) =>
        $"{what}-{times.Local(now).ToString("yyyy-MM-dd-HHmm", CultureInfo.InvariantCulture)}-{language}.csv";

    private static string? Owner(StaffDirectory directory, string? id) => id is null ? null : directory.Find(id)?.Name ?? id;

    private static string? Department(StaffDirectory directory, string? id, string language) =>
        id is null ? null
            : directory.HasDepartment(id)
                ? directory.GetDepartment(id) is var d && language == CaseLanguage.English ? d.NameEn : d.NameZh
                : id;
}
