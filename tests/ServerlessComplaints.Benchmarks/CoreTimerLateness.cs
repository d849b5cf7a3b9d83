using System.Collections.Concurrent;
using DurableTask.AzureStorage;
using DurableTask.Core;
using Microsoft.Extensions.Logging.Abstractions;
using ServerlessComplaints.Durable.Core;

namespace ServerlessComplaints.Benchmarks;

/// <summary>
/// (f) on the DurableTask.Core engine: a probe orchestration that waits for a
/// timer due at a random moment (1 s plus a random share of the spread after it starts) and notes when its continuation
/// runs — as a plain DurableTask.Core orchestration on
/// a TaskHubWorker over the Azure Storage backend with the service's default settings (<see cref="DurableTaskOptions"/>).
/// </summary>
internal sealed class CoreTimerLateness(string connectionString, BenchmarkOptions options)
{
    private static readonly ConcurrentDictionary<string, (DateTime Due, DateTime Fired)> Ran = new(StringComparer.Ordinal);

    public async Task<TimerFigures> RunAsync(CancellationToken cancellationToken)
    {
        var defaults = new DurableTaskOptions();
        var service = new AzureStorageOrchestrationService(new AzureStorageOrchestrationServiceSettings
        {
            TaskHubName = "timers" + Guid.NewGuid().ToString("N")[..10],
            StorageAccountClientProvider = new StorageAccountClientProvider(connectionString),
            PartitionCount = defaults.PartitionCount,
            MaxQueuePollingInterval = defaults.MaxQueuePollingInterval,
            LoggerFactory = NullLoggerFactory.Instance,
        });
        await service.CreateIfNotExistsAsync();
        using var worker = new TaskHubWorker(service, NullLoggerFactory.Instance);
        worker.AddTaskOrchestrations(typeof(TimerProbe));
        await worker.StartAsync();
        try
        {
            var client = new TaskHubClient(service, null, NullLoggerFactory.Instance);
            // Warm-up: the worker owns its partitions and answers before the probes start.
            await MeasureOnceAsync(client, 1, TimeSpan.FromSeconds(1), -1, cancellationToken);
            var figures = new List<(List<double> Lateness, int Missing)>();
            for (var rep = 0; rep < options.Repetitions; rep++)
            {
                figures.Add(await MeasureOnceAsync(client, options.Timers, options.TimerSpread, rep, cancellationToken));
            }

            return TimerFigures.From(figures);
        }
        finally
        {
            await worker.StopAsync(isForced: true);
            await service.DeleteAsync();
        }
    }

    private static async Task<(List<double> Lateness, int Missing)> MeasureOnceAsync(TaskHubClient client, int timers, TimeSpan spread, int seed, CancellationToken cancellationToken)
    {
        var random = new Random(seed);
        var delays = Enumerable.Range(0, timers).ToDictionary(i => $"probe{seed}-{i}-{Guid.NewGuid():N}", _ => TimeSpan.FromSeconds(1) + spread * random.NextDouble());
        foreach (var (id, delay) in delays)
        {
            await client.CreateOrchestrationInstanceAsync(typeof(TimerProbe), instanceId: id, input: (object)delay.TotalMilliseconds);
        }

        var deadline = DateTime.UtcNow + spread + TimeSpan.FromSeconds(30);
        while (delays.Keys.Any(id => !Ran.ContainsKey(id)) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100, cancellationToken);
        }

        var ran = delays.Keys.Where(Ran.ContainsKey).Select(id => (Ran[id].Fired - Ran[id].Due).TotalMilliseconds).ToList();
        return (ran, delays.Count - ran.Count);
    }

    /// <summary>
    /// Sets a timer its input (ms) after its first episode's time and notes when its code after the timer first runs:
    /// due time relative to the start, so the lateness does not include how long the probes took to start.
    /// </summary>
    private sealed class TimerProbe : TaskOrchestration<bool, double>
    {
        public override async Task<bool> RunTask(OrchestrationContext context, double input)
        {
            var due = context.CurrentUtcDateTime.AddMilliseconds(input);
            await context.CreateTimer(due, true);
            if (!context.IsReplaying)
            {
                // Benchmark-only side effect: the real moment the continuation runs (never do this in a workflow).
                Ran.TryAdd(context.OrchestrationInstance.InstanceId, (due, DateTime.UtcNow));
            }

            return true;
        }
    }
}

/// <summary>Timer lateness over the repetitions: medians of each run's p50, p95 and p99, the earliest firing, timers lost.</summary>
internal sealed record TimerFigures(double P50, double P95, double P99, double Earliest, IReadOnlyList<double> P50s, IReadOnlyList<double> P95s, int Missing)
{
    public static TimerFigures From(IReadOnlyList<(List<double> Lateness, int Missing)> runs) => new(
        Measurements.Median(runs.Select(r => Measurements.Percentile(r.Lateness, 50))),
        Measurements.Median(runs.Select(r => Measurements.Percentile(r.Lateness, 95))),
        Measurements.Median(runs.Select(r => Measurements.Percentile(r.Lateness, 99))),
        runs.SelectMany(r => r.Lateness).DefaultIfEmpty(double.NaN).Min(),
        [.. runs.Select(r => Measurements.Percentile(r.Lateness, 50))],
        [.. runs.Select(r => Measurements.Percentile(r.Lateness, 95))],
        runs.Sum(r => r.Missing));
}
