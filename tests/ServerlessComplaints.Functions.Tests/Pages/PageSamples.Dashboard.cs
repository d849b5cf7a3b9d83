using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using ServerlessComplaints.Web.Pages;
using ServerlessComplaints.Web.Staff;
using ServerlessComplaints.Workflow.Assessment;
using ServerlessComplaints.Workflow.Domain;
using ServerlessComplaints.Workflow.Lifecycle;
using ServerlessComplaints.Workflow.Localization;
using ServerlessComplaints.Workflow.Workspace;

namespace ServerlessComplaints.Functions.Tests.Pages;

/// <summary>
/// The dashboard's samples: every figure with values (each enum value, a department and none, every bucket), no cases
/// at all, every kind of bad value, a supervisor (their department), and the two refusals (below supervisor; a
/// supervisor asking for another department).
/// </summary>
internal static partial class PageSamples
{
    private static readonly DateOnly DashboardToday = new(2026, 11, 23);

    public static DashboardFigures SampleFigures(string lang, DashboardFilter filter)
    {
        var zh = lang == CaseLanguage.Chinese;
        var weeks = Enumerable.Range(0, 12).Select(i => new DashboardWeek(filter.From.AddDays(7 * i), 3 + (i % 4), i % 3, i % 2)).ToList();
        return new DashboardFigures(filter)
        {
            Received = weeks.Sum(w => w.Total),
            ReceivedPerWeek = weeks,
            ReceivedByKind = [.. Enum.GetValues<ComplaintKind>().Select((k, i) => new DashboardCount<ComplaintKind>(k, 10 - i * 3))],
            ReceivedByCategory = [.. Enum.GetValues<Category>().Select((c, i) => new DashboardCount<Category>(c, i + 1))],
            ReceivedByLocation = [new(zh ? "北京朝阳门店" : "Beijing Chaoyang store", 7), new(null, 3)],
            OpenByStage = [.. Enum.GetValues<CaseStage>().Where(s => s is not (CaseStage.Closed or CaseStage.Archived or CaseStage.Failed or CaseStage.Unknown)).Select((s, i) => new DashboardCount<CaseStage>(s, i % 3))],
            ClosedByOutcome = [.. Enum.GetValues<CaseOutcome>().Where(o => o != CaseOutcome.Unknown).Select((o, i) => new DashboardCount<CaseOutcome>(o, i + 1))],
            Sla = [.. Enum.GetValues<DashboardClock>().Select((c, i) => new DashboardSla(c, i == 3 ? null : "quality", 4 - i, i))],
            TimeToResolve = [.. Enumerable.Range(0, 10).Select(i => new DashboardBucket(i, i < 9 ? DashboardFigures.HandlingBounds[i] : null, 10 - i))],
            MedianBucket = 2,
            P90Bucket = 9,
            EscalatedToManager = 3,
            EscalatedToCentreHead = 1,
            Remedies = [.. Enum.GetValues<RemedyType>().Select((r, i) => new DashboardRemedy(r, i, i * 50.5m))],
            Ratings = [.. Enumerable.Range(1, 5).Select(n => new DashboardCount<int>(n, n))],
            ClosedCases = 12,
            ReopenedCases = 2,
            TopRootCauses = zh ? [new("加热元件故障", 4), new("配送延误", 2)] : [new("heating element fault", 4), new("late delivery", 2)],
            ResponsibleParties = [.. Enum.GetValues<ResponsibleParty>().Select((p, i) => new DashboardCount<ResponsibleParty>(p, i))],
        };
    }

    private static void AddDashboardSamples(Dictionary<string, Sample> samples)
    {
        foreach (var id in new[] { "wang.lei", "li.na", "gao.feng" })
        {
            samples[$"staff-dashboard-{id}"] = Dashboard(id, [], (lang, filter) => SampleFigures(lang, filter));
        }

        samples["staff-dashboard-filtered"] = Dashboard("li.na", [("from", "2026-01-05"), ("to", "2026-03-29"), ("department", "quality"), ("location", "浦东店"), ("category", "delivery")], (lang, filter) => SampleFigures(lang, filter));
        samples["staff-dashboard-no-cases"] = Dashboard("li.na", [], (_, filter) => new DashboardFigures(filter));
        samples["staff-dashboard-every-error"] = Dashboard("li.na", [("from", "2026-13-01"), ("to", "yesterday"), ("department", "nowhere"), ("location", new string('x', 201)), ("category", "food")], null);
        samples["staff-dashboard-error-range"] = Dashboard("li.na", [("from", "2026-11-30"), ("to", "2026-11-01")], null);
        samples["staff-dashboard-error-span"] = Dashboard("li.na", [("from", "2024-01-01"), ("to", "2026-11-01")], null);
        samples["staff-dashboard-forbidden-role"] = Dashboard("zhang.wei", [], null);
        samples["staff-dashboard-forbidden-department"] = Dashboard("wang.lei", [("department", "service")], null);
    }

    private static Sample Dashboard(string staffId, (string Name, string? Value)[] fields, Func<string, DashboardFilter, DashboardFigures>? figures) =>
        Of<StaffDashboardPage>((lang, services) =>
        {
            var query = DashboardQuery.Read(new QueryCollection(Query(fields)), Member(staffId), services.GetRequiredService<StaffDirectory>(), DashboardToday);
            return new
            {
                Lang = lang,
                Staff = Member(staffId),
                Antiforgery,
                Query = query,
                Figures = figures?.Invoke(lang, query.Filter),
            };
        });
}
