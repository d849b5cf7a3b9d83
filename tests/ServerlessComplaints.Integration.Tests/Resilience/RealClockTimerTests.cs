using Microsoft.Extensions.Logging.Abstractions;
using ServerlessComplaints.LocalHost.Hosting;
using ServerlessComplaints.Runtime.Dispatch;
using ServerlessComplaints.Runtime.Execution;
using ServerlessComplaints.Runtime.Storage;
using ServerlessComplaints.Workflow.Orchestration;

namespace ServerlessComplaints.Integration.Tests.Resilience;

public class RealClockTimerTests
{
    // The lateness figures (p50/p99 against the 1 s target) are the benchmark's; this checks the loop fires timers on time at all.
    [Fact]
    public async Task RuntimeLoop_RealClock_FiresEveryTimerSoonAfterItsDueTime()
    {
        var fired = new System.Collections.Concurrent.ConcurrentDictionary<string, (DateTime Due, DateTime At)>();
        var registry = new OrchestrationRegistry().Add<double, int>("Wait", async (ctx, seconds) =>
        {
            var due = ctx.CurrentUtcDateTime.AddSeconds(seconds);
            await ctx.CreateTimer(due, CancellationToken.None);
            if (!ctx.IsReplaying)
            {
                fired[ctx.InstanceId] = (due, DateTime.UtcNow);
            }

            return 0;
        });
        var dispatcher = new WorkflowDispatcher(new InMemoryHistoryStore(), new OrchestrationExecutor(registry), new NoActivities(), TimeProvider.System);
        using var loop = new WorkflowRuntimeService(dispatcher, TimeProvider.System, NullLogger<WorkflowRuntimeService>.Instance);
        await loop.StartAsync(CancellationToken.None);

        for (var i = 0; i < 20; i++)
        {
            await dispatcher.StartAsync("Wait", $"t{i}", 0.5 + (i * 0.1));
        }

        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (fired.Count < 20 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        await loop.StopAsync(CancellationToken.None);
        Assert.Equal(20, fired.Count);
        Assert.All(fired.Values, f => Assert.InRange((f.At - f.Due).TotalSeconds, 0, 5));
    }

    private sealed class NoActivities : ServerlessComplaints.Runtime.Activities.IActivityInvoker
    {
        public Task<string?> InvokeAsync(string name, string? inputJson, CancellationToken cancellationToken) => throw new InvalidOperationException("no activities here");
    }
}
