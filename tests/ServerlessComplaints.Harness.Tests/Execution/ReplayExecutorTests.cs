using ServerlessComplaints.Harness.Dispatch;
using ServerlessComplaints.Harness.Execution;
using ServerlessComplaints.Harness.History;
using ServerlessComplaints.Workflow.Orchestration;

namespace ServerlessComplaints.Harness.Tests.Execution;

public class ReplayExecutorTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 1, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Execute_SequentialActivities_ReplaysFromStartEveryEpisode()
    {
        var runs = 0;
        var registry = new OrchestrationRegistry().Add<string, string>("Chain", async (ctx, input) =>
        {
            runs++;
            var a = await ctx.CallActivityAsync<string>("Upper", input);
            var b = await ctx.CallActivityAsync<string>("Upper", a + "-b");
            return await ctx.CallActivityAsync<string>("Upper", b + "-c");
        });
        var invoker = new DelegateActivityInvoker().Add<string, string>("Upper", s => s.ToUpperInvariant());
        var host = new DeterministicWorkflowHost(registry, invoker, Start);

        await host.StartAsync("Chain", "i1", "a");

        var status = await host.Client.GetStatusAsync("i1");
        Assert.Equal(WorkflowRuntimeStatus.Completed, status!.RuntimeStatus);
        Assert.Equal("\"A-B-C\"", status.OutputJson);
        Assert.Equal(4, runs);
        Assert.Equal(3, invoker.Calls.Count);
        var types = (await host.Dispatcher.GetHistoryAsync("i1")).Select(e => e.Type).ToList();
        Assert.Equal(3, types.Count(t => t == HistoryEventType.TaskScheduled));
        Assert.Equal(3, types.Count(t => t == HistoryEventType.TaskCompleted));
        Assert.Equal(HistoryEventType.ExecutionCompleted, types[^1]);
    }

    [Fact]
    public async Task IsReplaying_ReplaySafeLoggerAndFlag_TrueOnlyForRecordedEvents()
    {
        var observed = new List<(string Step, bool Replaying)>();
        var registry = new OrchestrationRegistry().Add<string, int>("Flags", async (ctx, _) =>
        {
            observed.Add(("start", ctx.IsReplaying));
            await ctx.CallActivityAsync<string>("Upper", "x");
            observed.Add(("after", ctx.IsReplaying));
            return 0;
        });
        var host = new DeterministicWorkflowHost(registry, new DelegateActivityInvoker().Add<string, string>("Upper", s => s), Start);

        await host.StartAsync("Flags", "i1", "x");

        Assert.Equal([("start", false), ("start", true), ("after", false)], observed);
    }

    [Fact]
    public async Task CurrentUtcDateTime_AfterTimer_IsTheEpisodeTimeNotTheWallClock()
    {
        var seen = new List<DateTime>();
        var registry = new OrchestrationRegistry().Add<int, int>("Clock", async (ctx, _) =>
        {
            seen.Add(ctx.CurrentUtcDateTime);
            await ctx.CreateTimer(ctx.CurrentUtcDateTime.AddDays(3), CancellationToken.None);
            seen.Add(ctx.CurrentUtcDateTime);
            return 0;
        });
        var host = new DeterministicWorkflowHost(registry, new DelegateActivityInvoker(), Start);

        await host.StartAsync("Clock", "i1", 0);
        await host.AdvanceAsync(TimeSpan.FromDays(10));

        Assert.Equal(Start.UtcDateTime, seen[0]);
        Assert.Equal(Start.UtcDateTime, seen[1]); // the replay of episode 1 sees episode 1's time
        Assert.Equal(Start.UtcDateTime.AddDays(3), seen[^1]);
        Assert.Equal(WorkflowRuntimeStatus.Completed, (await host.Client.GetStatusAsync("i1"))!.RuntimeStatus);
    }

    [Fact]
    public async Task NewGuid_SameStepOnEveryReplay_SameValue()
    {
        var guids = new List<Guid>();
        var registry = new OrchestrationRegistry().Add<int, string>("Guids", async (ctx, _) =>
        {
            var id = ctx.NewGuid();
            guids.Add(id);
            await ctx.CallActivityAsync<string>("Upper", "x");
            return id.ToString();
        });
        var host = new DeterministicWorkflowHost(registry, new DelegateActivityInvoker().Add<string, string>("Upper", s => s), Start);

        await host.StartAsync("Guids", "i1", 0);

        Assert.Equal(2, guids.Count);
        Assert.Equal(guids[0], guids[1]);
        Assert.NotEqual(Guid.Empty, guids[0]);
    }

    [Fact]
    public async Task SetCustomStatus_WhileWaiting_IsVisibleToClients()
    {
        var registry = new OrchestrationRegistry().Add<int, int>("Status", async (ctx, _) =>
        {
            ctx.SetCustomStatus(new { stage = "investigation" });
            return await ctx.WaitForExternalEvent<int>("Go");
        });
        var host = new DeterministicWorkflowHost(registry, new DelegateActivityInvoker(), Start);

        await host.StartAsync("Status", "i1", 0);

        var status = await host.Client.GetStatusAsync("i1");
        Assert.Equal(WorkflowRuntimeStatus.Running, status!.RuntimeStatus);
        Assert.Equal("{\"stage\":\"investigation\"}", status.CustomStatusJson);
    }

    [Fact]
    public async Task Execute_AwaitingNonDurableTask_FailsWithClearError()
    {
        var registry = new OrchestrationRegistry().Add<int, int>("Bad", async (ctx, _) =>
        {
            await Task.Delay(TimeSpan.FromMilliseconds(50));
            return 1;
        });
        var host = new DeterministicWorkflowHost(registry, new DelegateActivityInvoker(), Start);

        await host.StartAsync("Bad", "i1", 0);

        var status = await host.Client.GetStatusAsync("i1");
        Assert.Equal(WorkflowRuntimeStatus.Failed, status!.RuntimeStatus);
        Assert.Contains("not durable", status.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Execute_OrchestratorThrows_FailsWithTheException()
    {
        var registry = new OrchestrationRegistry().Add<int, int>("Throws", (ctx, _) => throw new InvalidOperationException("boom"));
        var host = new DeterministicWorkflowHost(registry, new DelegateActivityInvoker(), Start);

        await host.StartAsync("Throws", "i1", 0);

        var status = await host.Client.GetStatusAsync("i1");
        Assert.Equal(WorkflowRuntimeStatus.Failed, status!.RuntimeStatus);
        Assert.Equal("InvalidOperationException: boom", status.FailureMessage);
    }
}
