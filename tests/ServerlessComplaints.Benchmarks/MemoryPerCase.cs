using System.Diagnostics;
using Azure.Storage.Queues;
using ServerlessComplaints.Durable.Core;

namespace ServerlessComplaints.Benchmarks;

/// <summary>
/// (e) Host memory per waiting complaint: the real local service in this process, cases submitted over HTTP until
/// <c>cases</c> are in or the time is up, then left waiting for the owner's findings (every queue of the task hub empty).
/// Measured before and after, each after full collections: the managed heap (what the cases hold) and the process's
/// working set (what the machine pays). The driver keeps nothing per case.
/// </summary>
internal sealed class MemoryPerCase(string connectionString)
{
    public async Task RunAsync(ReportWriter report, int cases, TimeSpan seedLimit, CancellationToken cancellationToken)
    {
        report.Section("(e) host memory per waiting complaint (the local service in this process, cases waiting for findings)");
        await using var service = await IntakeService.StartAsync(connectionString, cancellationToken);
        var queues = Queues(service.TaskHubName);

        // Warm-up: code paths jitted, partitions owned, pools grown; not counted.
        await SubmitAsync(service, 50, TimeSpan.FromMinutes(1), cancellationToken);
        await WaitForQuietAsync(queues, cancellationToken);
        var before = Measure();

        // Two halves: the growth from the first half to the second is the cost of a waiting case; the first half also pays
        // for pools and caches that grow once (connections, thread pool, GC segments).
        var seeding = Stopwatch.StartNew();
        var first = await SubmitAsync(service, cases / 2, seedLimit / 2, cancellationToken);
        await WaitForQuietAsync(queues, cancellationToken);
        var middle = Measure();
        var second = await SubmitAsync(service, cases - cases / 2, seedLimit / 2, cancellationToken);
        await WaitForQuietAsync(queues, cancellationToken);
        var settled = seeding.Elapsed;
        var after = Measure();

        var accepted = first + second;
        var heapPerCase = (after.Heap - middle.Heap) / (double)second;
        var workingSetPerCase = (after.WorkingSet - middle.WorkingSet) / (double)second;
        report.Note($"{accepted} cases accepted (32 clients) and all waiting after {ReportWriter.Number(settled.TotalSeconds, 0)} s, in two halves of {first} and {second}; "
            + "engine defaults (extended sessions off: an orchestration waiting for an event is not kept in memory)");
        report.Figure("managed heap: warm / half / all", $"{Mb(before.Heap)} / {Mb(middle.Heap)} / {Mb(after.Heap)} MB", "after full blocking collections: live objects");
        report.Figure("working set: warm / half / all", $"{Mb(before.WorkingSet)} / {Mb(middle.WorkingSet)} / {Mb(after.WorkingSet)} MB", "what the machine pays, GC reserve included");
        report.Figure("growth per waiting case (second half)", $"{ReportWriter.Number(heapPerCase / 1024, 2)} KB heap, {ReportWriter.Number(workingSetPerCase / 1024, 2)} KB working set");
        var at10k = Math.Max(0, Math.Max(heapPerCase, workingSetPerCase)) * 10_000 / (1024 * 1024);
        report.Figure("extrapolated to 10,000 waiting cases", $"{ReportWriter.Number(at10k, 1)} MB", "the larger of the two growths × 10,000");
        report.Target("(e) memory for 10,000 waiting complaints ≤ 100 MB", $"{ReportWriter.Number(at10k, 1)} MB from {accepted} cases", at10k <= 100 && accepted >= 1_000);
    }

    private static string Mb(long bytes) => ReportWriter.Number(bytes / (1024.0 * 1024.0), 1);

    private static (long Heap, long WorkingSet) Measure()
    {
        for (var i = 0; i < 3; i++)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }

        using var process = Process.GetCurrentProcess();
        return (GC.GetTotalMemory(forceFullCollection: true), process.WorkingSet64);
    }

    private static async Task<int> SubmitAsync(IntakeService service, int cases, TimeSpan limit, CancellationToken cancellationToken)
    {
        var next = 0;
        var accepted = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, 32).Select(async _ =>
        {
            while (Interlocked.Increment(ref next) <= cases && clock.Elapsed < limit)
            {
                if (await service.SubmitAsync(cancellationToken))
                {
                    Interlocked.Increment(ref accepted);
                }
            }
        }));
        return accepted;
    }

    private List<QueueClient> Queues(string hub)
    {
        return [.. TaskHubQueues.All(hub, new DurableTaskOptions().PartitionCount).Select(name => new QueueClient(connectionString, name))];
    }

    /// <summary>
    /// Until no queue of the hub has had a visible message for 5 s running (each case then waits for its findings; its SLA
    /// timers sit invisible in the control queues until due, so a count of messages would never reach zero).
    /// </summary>
    private static async Task WaitForQuietAsync(List<QueueClient> queues, CancellationToken cancellationToken)
    {
        var quietSince = Stopwatch.StartNew();
        var deadline = Stopwatch.StartNew();
        while (quietSince.Elapsed < TimeSpan.FromSeconds(5))
        {
            var counts = await Task.WhenAll(queues.Select(async q => (await q.PeekMessagesAsync(32, cancellationToken)).Value.Length));
            if (counts.Any(c => c > 0))
            {
                quietSince.Restart();
            }

            if (deadline.Elapsed > TimeSpan.FromMinutes(15))
            {
                throw new TimeoutException($"The task hub's queues did not empty within 15 minutes ({string.Join(", ", counts)}).");
            }

            await Task.Delay(500, cancellationToken);
        }
    }
}
