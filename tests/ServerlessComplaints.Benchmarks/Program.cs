// The benchmark harness of issue 4: one run prints the baseline, the service's intake, the runtime's steps, storage
// operations, memory and timer lateness, each next to its target. Run: dotnet run -c Release --project tests/ServerlessComplaints.Benchmarks
using System.Diagnostics;
using Azure.Data.Tables;
using ServerlessComplaints.Benchmarks;
using ServerlessComplaints.LocalHost.Hosting;
using ServerlessComplaints.Runtime.Azurite;

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
var ct = cancel.Token;

MachineInfo.Print(report, options, root);

// One in-memory Azurite on free ports for every measurement, stopped at the end.
await using var azurite = await AzuriteProcess.StartAsync(new AzuriteOptions { RepositoryRoot = root }, ct);
using var meter = new StorageRequestMeter(azurite.ConnectionString);
var (embedded, core) = (options.Runs(Engines.Embedded), options.Runs(Engines.DurableTask));

// (a) The baseline every other figure is compared with, measured in this run.
var baseline = await new UpsertBaseline(new TableServiceClient(azurite.ConnectionString), options).RunAsync(report, ct);

IReadOnlyList<WorkflowRunResult> runs = [];
TimerFigures? embeddedTimers = null;
(double P50, double P99) embeddedIntake = default;
if (embedded)
{
    // (b) The real service over HTTP, its runtime running in the background as it always does.
    await new IntakeThroughput(azurite.ConnectionString, options).RunAsync(report, baseline, ct);
    embeddedIntake = await new IntakeLatency(azurite.ConnectionString, options).RunAsync(report, ct);

    // (c) and (d) The runtime itself on Azure Tables, timers made instant with a manual clock.
    runs = await new WorkflowSteps(azurite.ConnectionString, options, meter).RunAsync(report, baseline, ct);
    StorageCost.Print(report, runs);

    // (e) Memory of waiting cases, in memory (left out of a quick run of both engines, to keep it short); (f) timer lateness on the real clock.
    if (!(options.Quick && core))
    {
        await new WaitingMemory(options).RunAsync(report, ct);
    }

    embeddedTimers = await new TimerLateness(azurite.ConnectionString, options).RunAsync(report, ct);
}

if (core)
{
    // (g) The same lifecycle, timers and intake on DurableTask.Core's Azure Storage backend (issue 11).
    var coreResults = await new CoreEngineMeasurements(azurite.ConnectionString, options, meter).RunAsync(report, ct);
    if (embedded)
    {
        // The machine's drift over the run: the baseline once more, at the end.
        var baselineAtEnd = await new UpsertBaseline(new TableServiceClient(azurite.ConnectionString), options).RunAsync(report, ct);
        var comparison = new EngineComparison();
        comparison.Lifecycle([.. runs.Select(r => r.Metered!)], coreResults.Lifecycle);
        comparison.Timers(embeddedTimers!, coreResults.Timers);
        comparison.Intake(embeddedIntake, coreResults.Intake);
        comparison.Noise(baseline, baselineAtEnd, options);
        comparison.Print(report);
    }
}

report.Targets();
report.Line();
report.Line($"Total time {ReportWriter.Number(total.Elapsed.TotalSeconds, 0)} s.");
