using System.Diagnostics;
using Azure.Core;
using Azure.Data.Tables;
using ServerlessComplaints.Workflow.AzureStorage;
using ServerlessComplaints.Workflow.Domain;
using ServerlessComplaints.Workflow.Workspace;

namespace ServerlessComplaints.Benchmarks;

/// <summary>
/// (g) The dashboard over a year of cases: contributions computed in memory and written straight into the aggregate
/// table (cells and case rows, in transactions), then the dashboard's views — a year, a quarter, a month, filtered
/// views — each timed over many runs. Pass criterion: entities read per view bounded by the view's periods (one cell
/// per whole week, one per day of a partly covered week), whatever the number of cases.
/// </summary>
internal sealed class DashboardScale(string connectionString, BenchmarkOptions options)
{
    private const int Warmups = 3;
    private const int TargetMs = 1_000;

    public async Task RunAsync(ReportWriter report, CancellationToken cancellationToken)
    {
        var prefix = "db" + Guid.NewGuid().ToString("N")[..8];
        var cases = options.DashboardCases;
        var zone = StaffWorkspaceSeed.Shanghai;

        var seedStore = new TableComplaintStore(new TableServiceClient(connectionString), prefix, zone);
        await seedStore.EnsureCreatedAsync(cancellationToken);
        var records = Enumerable.Range(0, cases).Select(i => DashboardSeed.Case(i, cases)).ToList();
        var seeding = Stopwatch.StartNew();
        await new TableDashboard(seedStore).SeedAsync(records, cancellationToken);
        seeding.Stop();
        var rows = await CountRowsAsync(new TableServiceClient(connectionString).GetTableClient(prefix + "Dashboard"), cancellationToken);

        var counter = new TableEntityCounter();
        var tableOptions = new TableClientOptions();
        tableOptions.AddPolicy(counter, HttpPipelinePosition.PerCall);
        var store = new TableComplaintStore(new TableServiceClient(connectionString, tableOptions), prefix, zone);
        var dashboard = new TableDashboard(store);

        report.Section($"(g) Dashboard: {ReportWriter.Number(cases)} cases over 52 weeks on Azurite, aggregates seeded directly; {options.QueueRuns} timed runs per view after {Warmups} warm-ups");
        report.Figure("seeding (cells + case rows)", ReportWriter.Number(seeding.Elapsed.TotalSeconds, 1) + " s",
            $"{ReportWriter.Number(rows)} rows ({ReportWriter.Number(rows - cases)} cells, {ReportWriter.Number(cases)} case rows), {ReportWriter.Number(rows / seeding.Elapsed.TotalSeconds)} rows/s");

        var first = DashboardSeed.FirstDay;
        var views = new (string Label, DashboardFilter Filter)[]
        {
            ("year (52 whole weeks)", new(first, first.AddDays(363))),
            ("quarter (1 Jul – 30 Sep 2025)", new(new(2025, 7, 1), new(2025, 9, 30))),
            ("month (November 2025)", new(new(2025, 11, 1), new(2025, 11, 30))),
            ("year, department quality", new(first, first.AddDays(363), DepartmentId: "quality")),
            ("quarter, 浦东店, delivery", new(new(2025, 7, 1), new(2025, 9, 30), Location: "浦东店", Category: Category.Delivery)),
            ("month, quality + 浦东店 + product quality", new(new(2025, 11, 1), new(2025, 11, 30), "quality", "浦东店", Category.ProductQuality)),
        };

        foreach (var (label, filter) in views)
        {
            DashboardFigures? last = null;
            var measured = await MeasureAsync(counter, async ct => last = await dashboard.ReadAsync(filter, ct), cancellationToken);
            var bound = Bound(filter);
            report.Figure(label, $"{measured.Entities} entities",
                $"bound {bound}; {measured.Requests} requests, p50 {ReportWriter.Number(measured.P50, 1)} ms, p95 {ReportWriter.Number(measured.P95, 1)} ms; {ReportWriter.Number(last!.Received)} cases counted ({last.EntitiesRead})");
            report.Target($"dashboard {label}: entities ≤ {bound}", $"{measured.Entities}", measured.Entities <= bound);
            report.Target($"dashboard {label}: p95 ≤ {TargetMs} ms", ReportWriter.Number(measured.P95, 1) + " ms", measured.P95 <= TargetMs);
        }
    }

    /// <summary>One week cell per whole week in range, one day cell per day of a partly covered week.</summary>
    private static int Bound(DashboardFilter filter)
    {
        var bound = 0;
        for (var week = DashboardContribution.WeekOf(filter.From); week <= filter.To; week = week.AddDays(7))
        {
            var first = week < filter.From ? filter.From : week;
            var last = week.AddDays(6) > filter.To ? filter.To : week.AddDays(6);
            bound += first == week && last == week.AddDays(6) ? 1 : last.DayNumber - first.DayNumber + 1;
        }

        return bound;
    }

    private static async Task<long> CountRowsAsync(TableClient table, CancellationToken cancellationToken)
    {
        long rows = 0;
        await foreach (var _ in table.QueryAsync<TableEntity>("PartitionKey ne 'marker'", select: ["PartitionKey"], cancellationToken: cancellationToken))
        {
            rows++;
        }

        return rows;
    }

    private async Task<Measured> MeasureAsync(TableEntityCounter counter, Func<CancellationToken, Task> query, CancellationToken cancellationToken)
    {
        for (var i = 0; i < Warmups; i++)
        {
            await query(cancellationToken);
        }

        var times = new List<double>(options.QueueRuns);
        var (requests, entities) = (0L, 0L);
        for (var i = 0; i < options.QueueRuns; i++)
        {
            var before = counter.Snapshot();
            var watch = Stopwatch.StartNew();
            await query(cancellationToken);
            times.Add(watch.Elapsed.TotalMilliseconds);
            var after = counter.Snapshot();
            (requests, entities) = (after.Requests - before.Requests, after.Entities - before.Entities);
        }

        return new Measured(entities, requests, Measurements.Percentile(times, 50), Measurements.Percentile(times, 95));
    }

    private sealed record Measured(long Entities, long Requests, double P50, double P95);
}
