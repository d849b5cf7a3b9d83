using System.Collections.Concurrent;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using ServerlessComplaints.LocalHost.Hosting;
using ServerlessComplaints.Runtime.Activities;
using ServerlessComplaints.Runtime.Dispatch;
using ServerlessComplaints.Runtime.Execution;
using ServerlessComplaints.Runtime.Storage;

namespace ServerlessComplaints.Benchmarks;

/// <summary>
/// (f) Timer lateness on the real clock: the service's own background loop (WorkflowRuntimeService) over the Azure
/// Tables history store; each probe orchestration waits for a timer due at a random moment and notes when its
/// continuation runs.
/// </summary>
internal sealed class TimerLateness(string connectionString, BenchmarkOptions options)
{
    private const string Probe = "TimerProbe";


    public async Task<TimerFigures> RunAsync(ReportWriter report, CancellationToken cancellationToken)
    {
        var p50s = new List<double>();
        var p99s = new List<double>();
        var missing = 0;
        var runs = new List<(List<double> Lateness, int Missing)>();
        for (var rep = 0; rep < options.Repetitions; rep++)
        {
            var (lateness, lost) = await MeasureOnceAsync(rep, cancellationToken);
            runs.Add((lateness, lost));
            p50s.Add(Measurements.Percentile(lateness, 50));
            p99s.Add(Measurements.Percentile(lateness, 99));
            missing += lost;
        }

        var (p50, p99) = (Measurements.Median(p50s), Measurements.Median(p99s));
        report.Section($"(f) Timer lateness, real clock: {options.Timers} timers due at random over {options.TimerSpread.TotalSeconds:0} s, median of {options.Repetitions}");
        report.Note("the service's background loop (WorkflowRuntimeService: FireDueTimersAsync, RunUntilIdleAsync, WaitForWorkAsync) on TableHistoryStore");
        report.Note("lateness = when the orchestrator's code after the timer runs − the timer's due time");
        report.Figure("lateness p50", ReportWriter.Number(p50, 1) + " ms", UpsertBaseline.Range(p50s, 1));
        report.Figure("lateness p99", ReportWriter.Number(p99, 1) + " ms", UpsertBaseline.Range(p99s, 1));
        if (missing > 0)
        {
            report.Note($"WARNING: {missing} timers never ran their continuation");
        }

        report.Target("timer lateness p99 ≤ 1 s", ReportWriter.Number(p99, 1) + " ms", p99 <= 1000 && missing == 0);
        return TimerFigures.From(runs);
    }

    private async Task<(List<double> Lateness, int Missing)> MeasureOnceAsync(int seed, CancellationToken cancellationToken)
    {
        var ran = new ConcurrentDictionary<string, DateTime>(StringComparer.Ordinal);
        var registry = new OrchestrationRegistry().Add<DateTime, bool>(Probe, async (context, dueUtc) =>
        {
            await context.CreateTimer(dueUtc, CancellationToken.None);
            if (!context.IsReplaying)
            {
                // Benchmark-only side effect: the real moment the continuation runs (never do this in a workflow).
                ran.TryAdd(context.InstanceId, DateTime.UtcNow);
            }

            return true;
        });
        var store = new TableHistoryStore(new TableServiceClient(connectionString), "Timers" + Guid.NewGuid().ToString("N")[..10]);
        await store.EnsureCreatedAsync(cancellationToken);
        var noActivities = new ServiceProviderActivityInvoker(new ServiceCollection().BuildServiceProvider(), new Dictionary<string, Type>());
        var dispatcher = new WorkflowDispatcher(store, new OrchestrationExecutor(registry), noActivities, TimeProvider.System);
        var loop = new WorkflowRuntimeService(dispatcher, TimeProvider.System, NullLogger<WorkflowRuntimeService>.Instance);
        await loop.StartAsync(cancellationToken);

        var random = new Random(seed);
        // Time to start every probe before the first timer falls due.
        var first = DateTime.UtcNow + TimeSpan.FromSeconds(1) + TimeSpan.FromMilliseconds(10) * options.Timers;
        var due = Enumerable.Range(0, options.Timers).ToDictionary(i => $"probe{i}", _ => first + options.TimerSpread * random.NextDouble());
        foreach (var (id, dueUtc) in due)
        {
            await dispatcher.StartAsync(Probe, id, dueUtc, cancellationToken);
        }

        var deadline = first + options.TimerSpread + TimeSpan.FromSeconds(30);
        while (ran.Count < due.Count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100, cancellationToken);
        }

        await loop.StopAsync(cancellationToken);
        loop.Dispose();
        return ([.. ran.Select(r => (r.Value - due[r.Key]).TotalMilliseconds)], due.Count - ran.Count);
    }
}
