using ServerlessComplaints.Harness.Dispatch;
using ServerlessComplaints.Harness.Execution;
using ServerlessComplaints.Workflow.Orchestration;

namespace ServerlessComplaints.Harness.Tests.Execution;

public class EventQueueingTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 1, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task WaitForExternalEvent_EventRaisedBeforeTheWait_IsDelivered()
    {
        var registry = new OrchestrationRegistry().Add<int, string>("Late", async (ctx, _) =>
        {
            await ctx.CallActivityAsync<string>("Slow", "x");
            return await ctx.WaitForExternalEvent<string>("Answer");
        });
        var invoker = new DelegateActivityInvoker().Add<string, string>("Slow", s => s);
        var host = new DeterministicWorkflowHost(registry, invoker, Start);

        await host.Dispatcher.StartAsync("Late", "i1", 0);
        await host.Dispatcher.RunOneAsync(); // first episode: schedules Slow, does not wait yet
        await host.Dispatcher.RaiseEventAsync("i1", "Answer", "early");
        await host.SettleAsync();

        var status = await host.Client.GetStatusAsync("i1");
        Assert.Equal(WorkflowRuntimeStatus.Completed, status!.RuntimeStatus);
        Assert.Equal("\"early\"", status.OutputJson);
    }

    [Fact]
    public async Task WaitForExternalEvent_SeveralEventsOfOneName_DeliveredInOrder()
    {
        var registry = new OrchestrationRegistry().Add<int, string>("Order", async (ctx, _) =>
        {
            var first = await ctx.WaitForExternalEvent<string>("Msg");
            await ctx.CallActivityAsync<string>("Slow", first);
            var second = await ctx.WaitForExternalEvent<string>("Msg");
            return first + "," + second;
        });
        var host = new DeterministicWorkflowHost(registry, new DelegateActivityInvoker().Add<string, string>("Slow", s => s), Start);

        await host.Dispatcher.StartAsync("Order", "i1", 0);
        await host.Dispatcher.RaiseEventAsync("i1", "Msg", "one");
        await host.Dispatcher.RaiseEventAsync("i1", "Msg", "two");
        await host.SettleAsync();

        Assert.Equal("\"one,two\"", (await host.Client.GetStatusAsync("i1"))!.OutputJson);
    }

    // The shape DESIGN.md warns about: a wait re-created after a reminder; the event raised while the reminder
    // activity runs must reach the new wait, and the cancelled old wait must not swallow it.
    [Fact]
    public async Task WaitForExternalEvent_CancelledWaitThenEventDuringReminder_NewWaitGetsIt()
    {
        var registry = new OrchestrationRegistry().Add<int, string>("Remind", async (ctx, _) =>
        {
            for (var round = 0; round < 3; round++)
            {
                using var cts = new CancellationTokenSource();
                var answer = ctx.WaitForExternalEvent<string>("Answer", cts.Token);
                var reminder = ctx.CreateTimer(ctx.CurrentUtcDateTime.AddHours(12), cts.Token);
                if (await Task.WhenAny(answer, reminder) == answer)
                {
                    cts.Cancel();
                    return await answer;
                }

                cts.Cancel();
                await ctx.CallActivityAsync<string>("SendReminder", "r");
            }

            return "none";
        });
        var invoker = new DelegateActivityInvoker().Add<string, string>("SendReminder", s => s);
        var host = new DeterministicWorkflowHost(registry, invoker, Start);
        await host.StartAsync("Remind", "i1", 0);

        host.Clock.SetUtcNow(Start.AddHours(12));
        await host.Dispatcher.FireDueTimersAsync();
        await host.Dispatcher.RunOneAsync(); // timer fired: wait cancelled, reminder activity scheduled
        await host.Dispatcher.RaiseEventAsync("i1", "Answer", "while reminding");
        await host.SettleAsync();

        var status = await host.Client.GetStatusAsync("i1");
        Assert.Equal(WorkflowRuntimeStatus.Completed, status!.RuntimeStatus);
        Assert.Equal("\"while reminding\"", status.OutputJson);
    }

    [Fact]
    public async Task WaitForExternalEvent_SingleLongLivedWaitRacedAgainstReminders_GetsTheEvent()
    {
        var registry = new OrchestrationRegistry().Add<int, string>("Single", async (ctx, _) =>
        {
            var answer = ctx.WaitForExternalEvent<string>("Answer");
            for (var round = 0; round < 3; round++)
            {
                using var cts = new CancellationTokenSource();
                var reminder = ctx.CreateTimer(ctx.CurrentUtcDateTime.AddHours(12), cts.Token);
                if (await Task.WhenAny(answer, reminder) == answer)
                {
                    cts.Cancel();
                    return await answer;
                }

                await ctx.CallActivityAsync<string>("SendReminder", "r");
            }

            return await answer;
        });
        var invoker = new DelegateActivityInvoker().Add<string, string>("SendReminder", s => s);
        var host = new DeterministicWorkflowHost(registry, invoker, Start);
        await host.StartAsync("Single", "i1", 0);

        await host.AdvanceAsync(TimeSpan.FromHours(30));
        await host.RaiseEventAsync("i1", "Answer", "finally");

        var status = await host.Client.GetStatusAsync("i1");
        Assert.Equal("\"finally\"", status!.OutputJson);
        Assert.Equal(2, invoker.Calls.Count);
    }

    [Fact]
    public async Task WaitForExternalEvent_PayloadTypeChangesForOneName_FailsClearly()
    {
        var registry = new OrchestrationRegistry().Add<int, int>("Types", async (ctx, _) =>
        {
            await ctx.WaitForExternalEvent<string>("X");
            return await ctx.WaitForExternalEvent<int>("X");
        });
        var host = new DeterministicWorkflowHost(registry, new DelegateActivityInvoker(), Start);

        await host.StartAsync("Types", "i1", 0);
        await host.RaiseEventAsync("i1", "X", "a");

        var status = await host.Client.GetStatusAsync("i1");
        Assert.Equal(WorkflowRuntimeStatus.Failed, status!.RuntimeStatus);
        Assert.Contains("one payload type per event name", status.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RaiseEvent_CompletedInstance_IsDroppedWithoutError()
    {
        var registry = new OrchestrationRegistry().Add<int, int>("Done", (ctx, _) => Task.FromResult(1));
        var host = new DeterministicWorkflowHost(registry, new DelegateActivityInvoker(), Start);
        await host.StartAsync("Done", "i1", 0);

        await host.RaiseEventAsync("i1", "Late", "x");

        Assert.Equal(WorkflowRuntimeStatus.Completed, (await host.Client.GetStatusAsync("i1"))!.RuntimeStatus);
    }
}
