using System.Globalization;
using ServerlessComplaints.Web.Pages;
using ServerlessComplaints.Workflow.Assessment;
using ServerlessComplaints.Workflow.Domain;
using ServerlessComplaints.Workflow.Lifecycle;
using ServerlessComplaints.Workflow.Localization;
using ServerlessComplaints.Workflow.Workspace;

namespace ServerlessComplaints.Web.Staff;

/// <summary>How a figure's values read: a count, a percentage, money, or a handling-time bucket's index.</summary>
public enum DashboardUnit
{
    Count,
    Percent,
    Amount,
    Bucket,
}

/// <summary>One measure of a figure (a column of its table, a series of its chart).</summary>
public sealed record DashboardMeasure(string Code, string Label, DashboardUnit Unit, bool Charted = true);

/// <summary>One value: the number (null: none, such as a percentage of nothing) and how the page shows it.</summary>
public sealed record DashboardCell(decimal? Number, string Text);

/// <summary>One row of a figure: its key (wire name, date, department id, text), its label and a cell per measure.</summary>
public sealed record DashboardRow(string Key, string Label, IReadOnlyList<DashboardCell> Cells);

/// <summary>
/// One figure of the dashboard as the page's table, the chart drawn from that table (<c>Chart</c>: bar, hbar, stacked,
/// pie; none for the headline figures) and the rows of the CSV of the dashboard's numbers.
/// </summary>
public sealed record DashboardTable(string Code, string Title, string Chart, string KeyLabel, IReadOnlyList<DashboardMeasure> Measures, IReadOnlyList<DashboardRow> Rows);

/// <summary>
/// <see cref="DashboardFigures"/> as the tables of the page and the CSV, in the page's language: the same numbers, one
/// place that names them.
/// </summary>
public static class DashboardTables
{
    public static IReadOnlyList<DashboardTable> Of(DashboardFigures figures, string language, PageText text, StaffDirectory directory)
    {
        ArgumentNullException.ThrowIfNull(figures);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(directory);
        var culture = CaseCulture.Of(language);
        string T(string key) => text.In(language, key);
        string F(string key, string name, string value) => text.FormatIn(language, key, new Dictionary<string, string> { [name] = value });
        DashboardMeasure Count(string code = "count", string? label = null) => new(code, label ?? T("Dashboard.Measure.count"), DashboardUnit.Count);
        DashboardCell N(long n) => new(n, n.ToString("N0", culture));
        string Department(string? id) => id is null ? T("Dashboard.NoDepartment")
            : directory.All.Any(m => m.Department == id) ? (directory.GetDepartment(id) is var d && language == CaseLanguage.English ? d.NameEn : d.NameZh) : id;
        string Bucket(int index) => index < DashboardFigures.HandlingBounds.Count
            ? DashboardFigures.HandlingBounds[index] is var bound && bound < TimeSpan.FromDays(1)
                ? F("Dashboard.Bucket.Hours", "n", bound.TotalHours.ToString(culture))
                : F("Dashboard.Bucket.Days", "n", bound.TotalDays.ToString(culture))
            : F("Dashboard.Bucket.More", "n", DashboardFigures.HandlingBounds[^1].TotalDays.ToString(culture));
        DashboardCell Percent(double? value) => value is { } v ? new((decimal)v, v.ToString("0.0", culture) + "%") : new(null, "—");
        DashboardCell BucketCell(int? index) => index is { } i ? new(i, Bucket(i)) : new(null, "—");
        DashboardTable Table(string code, string chart, IReadOnlyList<DashboardMeasure> measures, IEnumerable<DashboardRow> rows) =>
            new(code, T("Dashboard.Figure." + code), chart, T("Dashboard.Key." + code), measures, [.. rows]);

        return
        [
            Table("headline", "none", [new("value", T("Dashboard.Measure.value"), DashboardUnit.Count)],
            [
                new("received", T("Dashboard.Headline.received"), [N(figures.Received)]),
                new("closed", T("Dashboard.Headline.closed"), [N(figures.ClosedCases)]),
                new("reopened", T("Dashboard.Headline.reopened"), [N(figures.ReopenedCases)]),
                new("reopen-rate", T("Dashboard.Headline.reopen-rate"), [Percent(figures.ReopenRate is { } r ? Math.Round(100 * r, 1, MidpointRounding.AwayFromZero) : null)]),
                new("escalated-manager", T("Dashboard.Headline.escalated-manager"), [N(figures.EscalatedToManager)]),
                new("escalated-centre-head", T("Dashboard.Headline.escalated-centre-head"), [N(figures.EscalatedToCentreHead)]),
                new("median-bucket", T("Dashboard.Headline.median-bucket"), [BucketCell(figures.MedianBucket)]),
                new("p90-bucket", T("Dashboard.Headline.p90-bucket"), [BucketCell(figures.P90Bucket)]),
            ]),
            Table("received-per-week", "stacked",
                [.. Enum.GetValues<ComplaintKind>().Select(k => Count(WireNames.Of(k), CaseLabels.Of(k, culture)))],
                figures.ReceivedPerWeek.Select(w => new DashboardRow(
                    w.WeekStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    w.WeekStart.ToString(T("Dashboard.WeekFormat"), culture),
                    [N(w.Complaints), N(w.Inquiries), N(w.Suggestions)]))),
            Table("received-by-kind", "pie", [Count()], figures.ReceivedByKind.Select(c => new DashboardRow(WireNames.Of(c.Key), CaseLabels.Of(c.Key, culture), [N(c.Count)]))),
            Table("received-by-category", "hbar", [Count()], figures.ReceivedByCategory.Select(c => new DashboardRow(WireNames.Of(c.Key), CaseLabels.Of(c.Key, culture), [N(c.Count)]))),
            Table("received-by-location", "hbar", [Count()], figures.ReceivedByLocation.Select(c => new DashboardRow(c.Key ?? "", c.Key ?? T("Dashboard.NoLocation"), [N(c.Count)]))),
            Table("open-by-stage", "bar", [Count()], figures.OpenByStage.Select(c => new DashboardRow(WireNames.Of(c.Key), CaseLabels.Stage(c.Key, culture), [N(c.Count)]))),
            Table("closed-by-outcome", "pie", [Count()], figures.ClosedByOutcome.Select(c => new DashboardRow(WireNames.Of(c.Key), CaseLabels.Outcome(c.Key, culture), [N(c.Count)]))),
            Table("sla", "hbar",
                [new("percent", T("Dashboard.Measure.percent"), DashboardUnit.Percent), new("met", T("Dashboard.Measure.met"), DashboardUnit.Count, Charted: false), new("missed", T("Dashboard.Measure.missed"), DashboardUnit.Count, Charted: false)],
                figures.Sla.Select(s => new DashboardRow(
                    WireNames.Of(s.Clock) + "/" + (s.DepartmentId ?? ""),
                    T("Dashboard.Clock." + s.Clock) + " · " + Department(s.DepartmentId),
                    [Percent(s.Percent), N(s.Met), N(s.Missed)]))),
            Table("time-to-resolve", "bar", [Count()], figures.TimeToResolve.Select(b => new DashboardRow(b.Index.ToString(CultureInfo.InvariantCulture), Bucket(b.Index), [N(b.Count)]))),
            Table("escalations", "bar", [Count()],
            [
                new("manager", T("Dashboard.Escalation.manager"), [N(figures.EscalatedToManager)]),
                new("centre-head", T("Dashboard.Escalation.centre-head"), [N(figures.EscalatedToCentreHead)]),
            ]),
            Table("remedies", "bar",
                [Count(), new("amount", T("Dashboard.Measure.amount"), DashboardUnit.Amount)],
                figures.Remedies.Select(r => new DashboardRow(WireNames.Of(r.Type), CaseLabels.Of(r.Type, culture), [N(r.Count), new(r.Amount, CaseMoney.Format(r.Amount, culture))]))),
            Table("ratings", "bar", [Count()], figures.Ratings.Select(c => new DashboardRow(c.Key.ToString(CultureInfo.InvariantCulture), F("Dashboard.Rating", "n", c.Key.ToString(culture)), [N(c.Count)]))),
            Table("root-causes", "hbar", [Count()], figures.TopRootCauses.Select(c => new DashboardRow(c.Key, c.Key, [N(c.Count)]))),
            Table("responsible-parties", "bar", [Count()], figures.ResponsibleParties.Select(c => new DashboardRow(WireNames.Of(c.Key), CaseLabels.Of(c.Key, culture), [N(c.Count)]))),
        ];
    }
}
