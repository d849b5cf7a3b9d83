namespace ServerlessComplaints.Benchmarks;

/// <summary>
/// (g) The DurableTask.Core engine with the service's default settings on the same Azurite: the lifecycle of (c) with
/// its storage requests, the timer probes of (f), and the intake latency of (b) on a service started with
/// LocalService:Engine=durable-task.
/// </summary>
internal sealed class CoreEngineMeasurements(string connectionString, BenchmarkOptions options, StorageRequestMeter meter)
{
    public async Task<CoreResults> RunAsync(ReportWriter report, CancellationToken cancellationToken)
    {
        var lifecycle = new List<EngineRun>();
        for (var rep = 0; rep < options.WorkflowRepetitions; rep++)
        {
            lifecycle.Add(await new CoreLifecycle(connectionString, meter).RunAsync(options.CoreCases, cancellationToken));
        }

        report.Section($"(c) DurableTask.Core engine (TaskHubWorker + AzureStorageOrchestrationService on Azurite, service defaults: 4 partitions, 1 s max polling)");
        report.Note($"lifecycle: the happy path of (c), {ReportWriter.Number(options.CoreCases)} cases at once, real clock, each case's record watched every {CaseWatcher.RecordInterval.TotalMilliseconds:0} ms, its status read once the record shows the stage");
        report.Figure("cases per second (whole lifecycle)", ReportWriter.Number(Measurements.Median(lifecycle.Select(r => r.CasesPerSecond)), 1) + " cases/s",
            $"{ReportWriter.Runs(lifecycle.Count)} {UpsertBaseline.Range([.. lifecycle.Select(r => r.CasesPerSecond)], 1)}");
        report.Figure("activities per second", ReportWriter.Number(Measurements.Median(lifecycle.Select(r => r.ActivitiesPerSecond)), 1) + " activities/s",
            $"activities per case {ReportWriter.Number(Measurements.Median(lifecycle.Select(r => (double)r.Activities / r.Cases)), 1)}");
        report.Figure("storage requests per activity", ReportWriter.Number(Measurements.Median(lifecycle.Select(r => r.RequestsPerActivity)), 2),
            "tables, queues and blobs, polling and lease renewal included (the engine's own cost while it works)");
        if (lifecycle.Any(r => r.Resolved != r.Cases))
        {
            report.Note($"WARNING: not every case completed as resolved: {string.Join(", ", lifecycle.Select(r => $"{r.Resolved}/{r.Cases}"))}");
        }

        var timers = await new CoreTimerLateness(connectionString, options).RunAsync(cancellationToken);
        report.Figure("timer lateness p50 / p95 / p99", $"{ReportWriter.Number(timers.P50, 1)} / {ReportWriter.Number(timers.P95, 1)} / {ReportWriter.Number(timers.P99, 1)} ms",
            $"{options.Timers} timers over {options.TimerSpread.TotalSeconds:0} s, median of {options.Repetitions}; earliest {ReportWriter.Number(timers.Earliest, 0)} ms");
        report.Target("(f) timers: none early by more than 1 s, p99 late ≤ 2 s", $"earliest {ReportWriter.Number(timers.Earliest, 0)} ms, p99 {ReportWriter.Number(timers.P99, 0)} ms",
            timers.Earliest >= -1_000 && timers.P99 <= 2_000);
        report.Target("(c) whole lifecycle ≥ 25 activities/s", ReportWriter.Number(Measurements.Median(lifecycle.Select(r => r.ActivitiesPerSecond)), 1) + " activities/s",
            Measurements.Median(lifecycle.Select(r => r.ActivitiesPerSecond)) >= 25);
        if (timers.Missing > 0)
        {
            report.Note($"WARNING: {timers.Missing} timers never ran their continuation");
        }

        report.Note("intake latency on the LocalService:");
        var intake = await new IntakeLatency(connectionString, options).RunAsync(report, cancellationToken);
        return new CoreResults(lifecycle, timers, intake);
    }
}

/// <summary>What (g) measured, for the comparison table.</summary>
internal sealed record CoreResults(IReadOnlyList<EngineRun> Lifecycle, TimerFigures Timers, (double P50, double P99) Intake);
