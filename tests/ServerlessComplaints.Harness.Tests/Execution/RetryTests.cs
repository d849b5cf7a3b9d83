using ServerlessComplaints.Harness.Activities;
using ServerlessComplaints.Harness.Dispatch;
using ServerlessComplaints.Harness.Execution;
using ServerlessComplaints.Harness.History;
using ServerlessComplaints.Harness.Storage;
using ServerlessComplaints.Workflow.Orchestration;

namespace ServerlessComplaints.Harness.Tests.Execution;

public class RetryTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 1, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Retry_ActivityOutOfRetries_RunsTheActivityAgainAndContinues()
    {
        var broken = true;
        var invoker = new SwitchableInvoker(() => broken);
        var registry = new OrchestrationRegistry().Add<int, string>("Case", async (ctx, _) =>
        {
            var saved = await ctx.CallActivityAsync<string>("Save", "x", new WorkflowRetryPolicy(2, TimeSpan.FromSeconds(5)));
            var answer = await ctx.WaitForExternalEvent<string>("Answer");
            return saved + answer;
        });
        var host = new DeterministicWorkflowHost(registry, invoker, Start);
        await host.StartAsync("Case", "i1", 0);
        await host.AdvanceAsync(TimeSpan.FromMinutes(1));
        var failed = await host.Client.GetStatusAsync("i1");

        broken = false;
        await host.Client.RetryAsync("i1");
        await host.SettleAsync();
        var running = await host.Client.GetStatusAsync("i1");
        await host.RaiseEventAsync("i1", "Answer", "!");

        Assert.Equal(WorkflowRuntimeStatus.Failed, failed!.RuntimeStatus);
        Assert.Equal(WorkflowRuntimeStatus.Running, running!.RuntimeStatus);
        Assert.Null(running.FailureMessage);
        var done = await host.Client.GetStatusAsync("i1");
        Assert.Equal(WorkflowRuntimeStatus.Completed, done!.RuntimeStatus);
        Assert.Equal("\"ok!\"", done.OutputJson);
        Assert.Equal(3, invoker.Calls);
        Assert.Contains(await host.Dispatcher.GetHistoryAsync("i1"), e => e.Type == HistoryEventType.ExecutionRewound);
    }

    [Fact]
    public async Task Retry_NonDeterminismAfterCodeFix_Continues()
    {
        var store = new InMemoryHistoryStore();
        var invoker = new SwitchableInvoker(() => false);
        Func<IWorkflowContext, int, Task<string>> good = async (ctx, _) =>
        {
            await ctx.CallActivityAsync<string>("Save", "x");
            return await ctx.WaitForExternalEvent<string>("Answer");
        };
        var first = new DeterministicWorkflowHost(new OrchestrationRegistry().Add("Case", good), invoker, Start, store);
        await first.StartAsync("Case", "i1", 0);
        var badDeploy = new DeterministicWorkflowHost(new OrchestrationRegistry().Add<int, string>("Case", async (ctx, _) =>
        {
            await ctx.CreateTimer(ctx.CurrentUtcDateTime, CancellationToken.None);
            return await ctx.WaitForExternalEvent<string>("Answer");
        }), invoker, Start, store);
        await badDeploy.RaiseEventAsync("i1", "Answer", "a");
        var afterBadDeploy = await badDeploy.Client.GetStatusAsync("i1");

        var fixedDeploy = new DeterministicWorkflowHost(new OrchestrationRegistry().Add("Case", good), invoker, Start, store);
        await fixedDeploy.Client.RetryAsync("i1");
        await fixedDeploy.SettleAsync();

        Assert.Equal(WorkflowRuntimeStatus.Failed, afterBadDeploy!.RuntimeStatus);
        Assert.StartsWith("Non-deterministic workflow", afterBadDeploy.FailureMessage, StringComparison.Ordinal);
        var done = await fixedDeploy.Client.GetStatusAsync("i1");
        Assert.Equal(WorkflowRuntimeStatus.Completed, done!.RuntimeStatus);
        Assert.Equal("\"a\"", done.OutputJson);
    }

    [Fact]
    public async Task Retry_PendingTimerBeforeFailure_IsRestoredAndFires()
    {
        var broken = true;
        var invoker = new SwitchableInvoker(() => broken);
        var registry = new OrchestrationRegistry().Add<int, string>("Case", async (ctx, _) =>
        {
            var followUp = ctx.CreateTimer(ctx.CurrentUtcDateTime.AddDays(3), CancellationToken.None);
            await ctx.CallActivityAsync<string>("Save", "x");
            await followUp;
            return "followed up";
        });
        var host = new DeterministicWorkflowHost(registry, invoker, Start);
        await host.StartAsync("Case", "i1", 0);

        broken = false;
        await host.Client.RetryAsync("i1");
        await host.SettleAsync();
        var beforeTimer = (await host.Client.GetStatusAsync("i1"))!.RuntimeStatus;
        await host.AdvanceAsync(TimeSpan.FromDays(3));

        Assert.Equal(WorkflowRuntimeStatus.Running, beforeTimer);
        Assert.Equal("\"followed up\"", (await host.Client.GetStatusAsync("i1"))!.OutputJson);
    }

    [Fact]
    public async Task Retry_InstanceNotFailed_Refused()
    {
        var registry = new OrchestrationRegistry().Add<int, string>("Case", (ctx, _) => ctx.WaitForExternalEvent<string>("Answer"));
        var host = new DeterministicWorkflowHost(registry, new SwitchableInvoker(() => false), Start);
        await host.StartAsync("Case", "i1", 0);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => host.Client.RetryAsync("i1"));

        Assert.Contains("only a failed instance can be retried", error.Message, StringComparison.Ordinal);
    }

    private sealed class SwitchableInvoker(Func<bool> broken) : IActivityInvoker
    {
        public int Calls { get; private set; }

        public Task<string?> InvokeAsync(string name, string? inputJson, CancellationToken cancellationToken)
        {
            Calls++;
            return broken() ? throw new IOException("disk full") : Task.FromResult<string?>("\"ok\"");
        }
    }
}
