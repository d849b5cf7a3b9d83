using ServerlessComplaints.Harness.Dispatch;
using ServerlessComplaints.Harness.Execution;
using ServerlessComplaints.Harness.History;
using ServerlessComplaints.Workflow.Orchestration;

namespace ServerlessComplaints.Harness.Tests.Execution;

public class TimerTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 1, 0, 0, TimeSpan.Zero);

    private static OrchestrationRegistry Race(bool cancelLoser) => new OrchestrationRegistry().Add<int, string>("Race", async (ctx, _) =>
    {
        using var cts = new CancellationTokenSource();
        var answer = ctx.WaitForExternalEvent<string>("Answer");
        var survey = ctx.CreateTimer(ctx.CurrentUtcDateTime.AddDays(7), cts.Token);
        var winner = await Task.WhenAny(answer, survey);
        if (cancelLoser)
        {
            cts.Cancel();
        }

        return winner == answer ? await answer : "timeout";
    });

    [Fact]
    public async Task CreateTimer_LoserCancelled_InstanceCompletesAndTimerIsDropped()
    {
        var host = new DeterministicWorkflowHost(Race(cancelLoser: true), new DelegateActivityInvoker(), Start);
        await host.StartAsync("Race", "i1", 0);

        await host.RaiseEventAsync("i1", "Answer", "yes");

        Assert.Equal(WorkflowRuntimeStatus.Completed, (await host.Client.GetStatusAsync("i1"))!.RuntimeStatus);
        Assert.Null(host.Dispatcher.NextTimerDueUtc);
    }

    [Fact]
    public async Task CreateTimer_LoserNotCancelledUnderFailPolicy_FailsNamingTheTimer()
    {
        var host = new DeterministicWorkflowHost(Race(cancelLoser: false), new DelegateActivityInvoker(), Start);
        await host.StartAsync("Race", "i1", 0);

        await host.RaiseEventAsync("i1", "Answer", "yes");

        var status = await host.Client.GetStatusAsync("i1");
        Assert.Equal(WorkflowRuntimeStatus.Failed, status!.RuntimeStatus);
        Assert.Contains("timer #0", status.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("cancel the timers that lose a race", status.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateTimer_LoserNotCancelledUnderDurablePolicy_RunsUntilTheTimerFires()
    {
        var options = new ExecutorOptions { UncancelledTimers = UncancelledTimerPolicy.KeepRunning };
        var host = new DeterministicWorkflowHost(Race(cancelLoser: false), new DelegateActivityInvoker(), Start, options: options);
        await host.StartAsync("Race", "i1", 0);

        await host.RaiseEventAsync("i1", "Answer", "yes");
        var whileTimerPending = (await host.Client.GetStatusAsync("i1"))!.RuntimeStatus;
        await host.AdvanceAsync(TimeSpan.FromDays(7));

        Assert.Equal(WorkflowRuntimeStatus.Running, whileTimerPending);
        var status = await host.Client.GetStatusAsync("i1");
        Assert.Equal(WorkflowRuntimeStatus.Completed, status!.RuntimeStatus);
        Assert.Equal("\"yes\"", status.OutputJson);
    }

    [Fact]
    public async Task CreateTimer_FiresAtItsDueTime_NotBefore()
    {
        var host = new DeterministicWorkflowHost(Race(cancelLoser: true), new DelegateActivityInvoker(), Start);
        await host.StartAsync("Race", "i1", 0);

        await host.AdvanceAsync(TimeSpan.FromDays(7) - TimeSpan.FromSeconds(1));
        var before = (await host.Client.GetStatusAsync("i1"))!.RuntimeStatus;
        await host.AdvanceAsync(TimeSpan.FromSeconds(1));

        Assert.Equal(WorkflowRuntimeStatus.Running, before);
        Assert.Equal("\"timeout\"", (await host.Client.GetStatusAsync("i1"))!.OutputJson);
        var fired = (await host.Dispatcher.GetHistoryAsync("i1")).Single(e => e.Type == HistoryEventType.TimerFired);
        Assert.Equal(Start.UtcDateTime.AddDays(7), fired.TimestampUtc);
    }

    [Fact]
    public async Task CallActivity_WithRetryPolicy_RetriesOnDurableTimersThenSucceeds()
    {
        var failuresLeft = 2;
        var invoker = new FlakyInvoker(() => failuresLeft-- > 0);
        var registry = new OrchestrationRegistry().Add<int, string>("Retry", (ctx, _) =>
            ctx.CallActivityAsync<string>("Flaky", "x", new WorkflowRetryPolicy(3, TimeSpan.FromSeconds(10))));
        var host = new DeterministicWorkflowHost(registry, invoker, Start);

        await host.StartAsync("Retry", "i1", 0);
        await host.AdvanceAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(WorkflowRuntimeStatus.Completed, (await host.Client.GetStatusAsync("i1"))!.RuntimeStatus);
        var history = await host.Dispatcher.GetHistoryAsync("i1");
        Assert.Equal(2, history.Count(e => e.Type == HistoryEventType.TaskFailed));
        Assert.Equal([Start.UtcDateTime.AddSeconds(10), Start.UtcDateTime.AddSeconds(30)],
            history.Where(e => e.Type == HistoryEventType.TimerCreated).Select(e => e.FireAtUtc!.Value));
    }

    [Fact]
    public async Task CallActivity_OutOfRetries_InstanceFailsWithTheActivityError()
    {
        var invoker = new FlakyInvoker(() => true);
        var registry = new OrchestrationRegistry().Add<int, string>("Retry", (ctx, _) =>
            ctx.CallActivityAsync<string>("Flaky", "x", new WorkflowRetryPolicy(2, TimeSpan.FromSeconds(10))));
        var host = new DeterministicWorkflowHost(registry, invoker, Start);

        await host.StartAsync("Retry", "i1", 0);
        await host.AdvanceAsync(TimeSpan.FromMinutes(5));

        var status = await host.Client.GetStatusAsync("i1");
        Assert.Equal(WorkflowRuntimeStatus.Failed, status!.RuntimeStatus);
        Assert.Equal("WorkflowActivityFailedException: Activity 'Flaky' failed: IOException: storage unavailable", status.FailureMessage);
    }

    [Fact]
    public async Task TerminateThenPurge_RunningInstance_StopsTimersAndRemovesHistory()
    {
        var host = new DeterministicWorkflowHost(Race(cancelLoser: true), new DelegateActivityInvoker(), Start);
        await host.StartAsync("Race", "i1", 0);

        await host.Client.TerminateAsync("i1", "duplicate case");
        var terminated = await host.Client.GetStatusAsync("i1");
        var purged = await host.Client.PurgeAsync("i1");

        Assert.Equal(WorkflowRuntimeStatus.Terminated, terminated!.RuntimeStatus);
        Assert.Equal("duplicate case", terminated.FailureMessage);
        Assert.Null(host.Dispatcher.NextTimerDueUtc);
        Assert.True(purged);
        Assert.Null(await host.Client.GetStatusAsync("i1"));
    }

    private sealed class FlakyInvoker(Func<bool> shouldFail) : ServerlessComplaints.Harness.Activities.IActivityInvoker
    {
        public Task<string?> InvokeAsync(string name, string? inputJson, CancellationToken cancellationToken) =>
            shouldFail() ? throw new IOException("storage unavailable") : Task.FromResult<string?>("\"ok\"");
    }
}
