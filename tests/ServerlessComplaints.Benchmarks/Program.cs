// The benchmark harness: one run prints the baseline, the service's intake, the Durable Task engine's lifecycle
// throughput, storage operations per activity and timer lateness, and the staff workspace at 10,000 open cases, each next to
// its target where one is set, and the dashboard over a year of cases.
// Run: dotnet run -c Release --project tests/ServerlessComplaints.Benchmarks [-- --staff-only | --dashboard-only [--dashboard-cases N]]
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
var ct = cancel.Token;

MachineInfo.Print(report, options, root);

// One in-memory Azurite on free ports for every measurement, stopped at the end.
await using var azurite = await AzuriteProcess.StartAsync(new AzuriteOptions { RepositoryRoot = root }, ct);
using var meter = new StorageRequestMeter(azurite.ConnectionString);
if (!options.StaffOnly && !options.DashboardOnly)
{
    // (a) The baseline every other figure is compared with, measured in this run.
    var baseline = await new UpsertBaseline(new TableServiceClient(azurite.ConnectionString), options).RunAsync(report, ct);

    // (b) The real service over HTTP, its Durable Task engine working on the cases in the background as it always does.
    await new IntakeThroughput(azurite.ConnectionString, options).RunAsync(report, baseline, ct);

    // (c) lifecycle with storage requests per activity, (f) timers, intake latency: the engine every case runs on.
    await new CoreEngineMeasurements(azurite.ConnectionString, options, meter).RunAsync(report, ct);
}

// (d) The staff queue, search and case page over 10,000 open cases: entities read and milliseconds per query.
if (!options.DashboardOnly)
{
    await new StaffWorkspaceScale(azurite.ConnectionString, options).RunAsync(report, ct);
}

// (g) The dashboard over a year of cases: entities read and milliseconds per view.
if (!options.StaffOnly)
{
    await new DashboardScale(azurite.ConnectionString, options).RunAsync(report, ct);
}

report.Targets();
report.Line();
report.Line($"Total time {ReportWriter.Number(total.Elapsed.TotalSeconds, 0)} s.");
