// The benchmark harness: one run prints the baseline, the service's intake, the Durable Task engine's lifecycle
// throughput, storage operations per activity and timer lateness, and the staff workspace at 10,000 open cases, each next to
// its target where one is set, and the dashboard over a year of cases.
// Run: dotnet run -c Release --project tests/ServerlessComplaints.Benchmarks [-- --quick | --staff-only | --dashboard-only [--dashboard-cases N] | --stall-only [--stall-cases N] [--stall-rate R] [--stall-sessions S] [--stall-before] | --progress-only | --memory-only [--memory-cases N] | --nodes-only | --engine-only]
using System.Diagnostics;
using Azure.Data.Tables;
using ServerlessComplaints.Benchmarks;
using ServerlessComplaints.LocalHost.Hosting;
using ServerlessComplaints.LocalHost.Azurite;

var options = BenchmarkOptions.Parse(args);
var report = new ReportWriter(Console.Out);
var total = Stopwatch.StartNew();
var root = RepositoryPaths.Root();
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // Ctrl+C ends the run cleanly, so Azurite is stopped too.
    e.Cancel = true;
    cancel.Cancel();
};
// So does SIGTERM (`timeout`, a CI job's cancel): before, it left the run's in-memory Azurite running.
using var terminate = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    cancel.Cancel();
});
var ct = cancel.Token;

try
{
    MachineInfo.Print(report, options, root);

    // One in-memory Azurite on free ports for every measurement, stopped at the end.
    await using var azurite = await AzuriteProcess.StartAsync(new AzuriteOptions { RepositoryRoot = root }, ct);
    using var meter = new StorageRequestMeter(azurite.ConnectionString);
    var only = options.StaffOnly || options.DashboardOnly || options.StallOnly || options.ProgressOnly || options.MemoryOnly || options.NodesOnly || options.EngineOnly;
    if (!only || options.StallOnly)
    {
        // Issue 16 item 2: a burst of cases on the service's engine settings, its backend's warnings counted.
        if (options.StallBefore)
        {
            // Before: the backend's own control-queue batching (32 a poll, 64 held), everything else as the service.
            var before = new ServerlessComplaints.Durable.Core.DurableTaskOptions { ControlQueueBatchSize = 32, ControlQueueBufferThreshold = 64 };
            var beforeRun = await new NoStallRun(azurite.ConnectionString, before).RunAsync(options.StallCases, 32, options.StallRate, ct);
            beforeRun.Print(report, "No stall under load, BEFORE (backend batching: 32 a poll, 64 held)", before, target: false);
        }

        var engine = new ServerlessComplaints.Durable.Core.DurableTaskOptions();
        if (options.StallSessionSeconds > 0)
        {
            engine.ExtendedSessions = true;
            engine.ExtendedSessionIdleTimeout = TimeSpan.FromSeconds(options.StallSessionSeconds);
        }

        var run = await new NoStallRun(azurite.ConnectionString, engine).RunAsync(options.StallCases, 32, options.StallRate, ct);
        run.Print(report, "No stall under load (issue 16 item 2), service settings", engine, target: options.StallCases >= 1_000);
    }

    if (!only || options.EngineOnly)
    {
        // (a) The baseline every other figure is compared with, measured in this run.
        var baseline = await new UpsertBaseline(new TableServiceClient(azurite.ConnectionString), options).RunAsync(report, ct);

        // (b) The real service over HTTP, its Durable Task engine working on the cases in the background as it always does.
        await new IntakeThroughput(azurite.ConnectionString, options).RunAsync(report, baseline, ct);

        // (c) lifecycle with storage requests per activity, (f) timers, intake latency: the engine every case runs on.
        await new CoreEngineMeasurements(azurite.ConnectionString, options, meter).RunAsync(report, ct);
    }

    if (!only || options.ProgressOnly || options.EngineOnly)
    {
        // (g) Staff action accepted → next mail in the outbox on an idle engine: the service's polling, then a shorter one.
        report.Section("(g) case progression on an idle engine: findings raised → offer mail in the outbox");
        foreach (var polling in new[] { 1000, 500 })
        {
            var engine = new ServerlessComplaints.Durable.Core.DurableTaskOptions { MaxQueuePollingInterval = TimeSpan.FromMilliseconds(polling) };
            var latencies = await new CaseProgressionLatency(azurite.ConnectionString).RunAsync(engine, options.Quick ? 5 : 12, ct);
            var (p50, p99) = (Measurements.Percentile(latencies, 50), Measurements.Percentile(latencies, 99));
            report.Figure($"p50 / p99, max polling {polling} ms", $"{ReportWriter.Number(p50)} / {ReportWriter.Number(p99)} ms", $"{latencies.Count} cases one at a time; max {ReportWriter.Number(latencies.Max())} ms");
            if (polling == (int)new ServerlessComplaints.Durable.Core.DurableTaskOptions().MaxQueuePollingInterval.TotalMilliseconds)
            {
                report.Target("(g) progression p99 ≤ 1.5 s (service settings)", $"{ReportWriter.Number(p99)} ms", p99 <= 1_500);
            }
        }
    }

    // (e) Host memory per waiting complaint, seeded for at most five minutes.
    if (!only || options.MemoryOnly)
    {
        await new MemoryPerCase(azurite.ConnectionString).RunAsync(report, options.MemoryCases, TimeSpan.FromMinutes(5), ct);
    }

    // (h) Two engine nodes against one on the same Azurite.
    if (!only || options.NodesOnly)
    {
        await new NodeComparison(azurite.ConnectionString, meter, options).RunAsync(report, ct);
    }

    // (d) The staff queue, search and case page over 10,000 open cases: entities read and milliseconds per query.
    if (!only || options.StaffOnly)
    {
        await new StaffWorkspaceScale(azurite.ConnectionString, options).RunAsync(report, ct);
    }

    // (g) The dashboard over a year of cases: entities read and milliseconds per view.
    if (!only || options.DashboardOnly)
    {
        await new DashboardScale(azurite.ConnectionString, options).RunAsync(report, ct);
    }

    report.Targets();
    report.Line();
    report.Line($"Total time {ReportWriter.Number(total.Elapsed.TotalSeconds, 0)} s.");
}
catch (OperationCanceledException) when (ct.IsCancellationRequested)
{
    // Ctrl+C or SIGTERM: Azurite has been stopped (its dispose ran); what was measured so far is printed above.
    report.Line();
    report.Line($"Stopped after {ReportWriter.Number(total.Elapsed.TotalSeconds, 0)} s: cancelled (Ctrl+C or SIGTERM); the figures above are those measured before.");
    return 130;
}

return 0;
