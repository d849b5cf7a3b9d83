using System.Diagnostics;
using Azure.Core;
using Azure.Data.Tables;
using ServerlessComplaints.Runtime.Storage;
using ServerlessComplaints.Integration.Tests.Runtime;

namespace ServerlessComplaints.Benchmarks;

/// <summary>
/// (c) Workflow steps per second: N complaints through the whole happy path on the runtime itself — the dispatcher over
/// the Azure Tables history store on Azurite — with the case stores in memory, so the figure is the runtime's storage.
/// </summary>
internal sealed class WorkflowSteps(string connectionString, BenchmarkOptions options, StorageRequestMeter meter)
{
    public async Task<IReadOnlyList<WorkflowRunResult>> RunAsync(ReportWriter report, UpsertRates baseline, CancellationToken cancellationToken)
    {
        await RunOnceAsync(Math.Min(10, options.Cases), cancellationToken);
        var runs = new List<WorkflowRunResult>();
        for (var rep = 0; rep < options.WorkflowRepetitions; rep++)
        {
            runs.Add(await RunOnceAsync(options.Cases, cancellationToken));
        }

        var steps = Measurements.Median(runs.Select(r => r.StepsPerSecond));
        var activities = Measurements.Median(runs.Select(r => r.ActivitiesPerSecond));
        var first = runs[0];
        report.Section($"(c) Workflow: {ReportWriter.Number(options.Cases)} complaints through the whole lifecycle on the runtime (WorkflowDispatcher + TableHistoryStore on Azurite)");
        report.Note("happy path: intake → findings → offer accepted → execution → follow-up timer (1 ms, manual clock) → survey 5 → archive");
        report.Note("case stores (records, timeline, outbox, mail) in memory: this measures the runtime's own storage, not the case stores");
        report.Figure("orchestration steps (episodes) per case", ReportWriter.Number((double)first.Episodes / first.Cases, 1), $"activities per case {ReportWriter.Number((double)first.Activities / first.Cases, 1)}");
        report.Figure("workflow steps per second", ReportWriter.Number(steps) + " steps/s",
            $"{ReportWriter.Runs(options.WorkflowRepetitions)} {UpsertBaseline.Range([.. runs.Select(r => r.StepsPerSecond)])}, each run {ReportWriter.Number(Measurements.Median(runs.Select(r => r.Elapsed.TotalSeconds)), 1)} s");
        report.Figure("", "", baseline.Ratios(steps));
        report.Figure("activities per second", ReportWriter.Number(activities) + " activities/s", baseline.Ratios(activities));
        report.Figure("cases per second (whole lifecycle)", ReportWriter.Number(Measurements.Median(runs.Select(r => r.Cases / r.Elapsed.TotalSeconds)), 1) + " cases/s");
        report.Figure("for reference, not measured here", "~950 activities/s", "Durable Task 1.25 in memory, no persistence (figure from the issue)");
        if (runs.Any(r => r.Resolved != r.Cases))
        {
            report.Note($"WARNING: not every case completed as resolved: {string.Join(", ", runs.Select(r => $"{r.Resolved}/{r.Cases}"))}");
        }

        // The dispatcher runs steps one at a time with one storage client: its fair baseline is the sequential upsert.
        report.Target("workflow steps ≥ 50 % of the raw upsert rate (sequential)", ReportWriter.Percent(steps / baseline.Sequential, 1), steps >= 0.5 * baseline.Sequential);
        return runs;
    }

    private async Task<WorkflowRunResult> RunOnceAsync(int cases, CancellationToken cancellationToken)
    {
        var counter = new RequestCounter();
        var clientOptions = new TableClientOptions();
        clientOptions.AddPolicy(counter, HttpPipelinePosition.PerRetry);
        var store = new TableHistoryStore(new TableServiceClient(connectionString, clientOptions), "Steps" + Guid.NewGuid().ToString("N")[..10]);
        await store.EnsureCreatedAsync(cancellationToken);
        counter.Reset();

        await using var driver = new ComplaintLifecycleDriver(store);
        var before = meter.Snapshot();
        var watch = Stopwatch.StartNew();
        var ids = await driver.SubmitAsync(cases, cancellationToken);
        await driver.ResolveAsync(ids, cancellationToken);
        watch.Stop();
        var after = meter.Snapshot();
        var (reads, writes, batches) = (counter.Reads, counter.Writes, counter.Batches);

        var resolved = await driver.CountResolvedAsync(ids, cancellationToken);
        var engineRun = new EngineRun(cases, resolved, driver.Activities, watch.Elapsed, after.Reads - before.Reads, after.Writes - before.Writes);
        return new WorkflowRunResult(cases, resolved, driver.Episodes, driver.Activities, watch.Elapsed, reads, writes, batches) { Metered = engineRun };
    }
}
