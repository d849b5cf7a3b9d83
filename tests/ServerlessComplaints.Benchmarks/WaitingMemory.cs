using System.Diagnostics;
using ServerlessComplaints.Runtime.Storage;
using ServerlessComplaints.Workflow.Orchestration;

namespace ServerlessComplaints.Benchmarks;

/// <summary>
/// (e) Memory for complaints waiting on events and timers: the managed heap after a full GC with N cases waiting for
/// their findings (SLA reminder timers pending), minus the same after building the dispatcher, before any case.
/// </summary>
internal sealed class WaitingMemory(BenchmarkOptions options)
{
    public async Task RunAsync(ReportWriter report, CancellationToken cancellationToken)
    {
        await MeasureOnceAsync(50, cancellationToken);
        var runs = new List<(double Megabytes, int Waiting, int Timers, TimeSpan Took)>();
        for (var rep = 0; rep < options.WaitingRepetitions; rep++)
        {
            runs.Add(await MeasureOnceAsync(options.Waiting, cancellationToken));
        }

        var megabytes = Measurements.Median(runs.Select(r => r.Megabytes));
        report.Section($"(e) Memory: {ReportWriter.Number(options.Waiting)} complaints waiting in the dispatcher, managed heap after a full GC, {ReportWriter.Runs(options.WaitingRepetitions)}");
        report.Note("in-memory history store (allowed here) and in-memory case stores: the figure includes every history, record, timeline entry and");
        report.Note("mail of the waiting cases, which the service keeps in Azure Tables — an upper bound for the service's own process");
        report.Figure("waiting cases / pending timers", $"{ReportWriter.Number(runs[0].Waiting)} / {ReportWriter.Number(runs[0].Timers)}",
            $"(intake of the batch took {ReportWriter.Number(runs[0].Took.TotalSeconds, 1)} s)");
        report.Figure("memory growth above idle", ReportWriter.Number(megabytes, 1) + " MB",
            $"= {ReportWriter.Number(megabytes * 1024 / options.Waiting, 1)} KB per case {UpsertBaseline.Range([.. runs.Select(r => r.Megabytes)], 1)}");
        var scaled = megabytes * 10_000 / options.Waiting;
        var label = options.Waiting == 10_000 ? "" : $" (scaled from {ReportWriter.Number(options.Waiting)})";
        report.Target("≤ 100 MB for 10,000 waiting complaints", ReportWriter.Number(scaled, 1) + " MB" + label, scaled <= 100);
    }

    private static async Task<(double Megabytes, int Waiting, int Timers, TimeSpan Took)> MeasureOnceAsync(int count, CancellationToken cancellationToken)
    {
        var store = new InMemoryHistoryStore();
        await using var driver = new ComplaintLifecycleDriver(store);
        var idle = SettledHeap();
        var watch = Stopwatch.StartNew();
        var ids = await driver.SubmitAsync(count, cancellationToken);
        var took = watch.Elapsed;
        var waiting = 0;
        foreach (var id in ids)
        {
            waiting += (await store.GetAsync(id, cancellationToken))?.Status == WorkflowRuntimeStatus.Running ? 1 : 0;
        }

        var timers = (await store.GetTimersAsync(cancellationToken)).Count;
        var loaded = SettledHeap();
        GC.KeepAlive(driver);
        return ((loaded - idle) / 1024d / 1024, waiting, timers, took);
    }

    private static long SettledHeap()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
