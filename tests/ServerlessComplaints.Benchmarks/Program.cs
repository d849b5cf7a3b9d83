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

// (a) The baseline every other figure is compared with, measured in this run.
var baseline = await new UpsertBaseline(new TableServiceClient(azurite.ConnectionString), options).RunAsync(report, ct);

// (b) The real service over HTTP, its runtime running in the background as it always does.
await new IntakeThroughput(azurite.ConnectionString, options).RunAsync(report, baseline, ct);
await new IntakeLatency(azurite.ConnectionString, options).RunAsync(report, ct);

// (c) and (d) The runtime itself on Azure Tables, timers made instant with a manual clock.
var runs = await new WorkflowSteps(azurite.ConnectionString, options).RunAsync(report, baseline, ct);
StorageCost.Print(report, runs);

// (e) Memory of waiting cases, in memory; (f) timer lateness on the real clock.
await new WaitingMemory(options).RunAsync(report, ct);
await new TimerLateness(azurite.ConnectionString, options).RunAsync(report, ct);

report.Targets();
report.Line();
report.Line($"Total time {ReportWriter.Number(total.Elapsed.TotalSeconds, 0)} s.");
