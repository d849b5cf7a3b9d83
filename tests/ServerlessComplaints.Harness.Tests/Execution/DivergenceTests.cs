using ServerlessComplaints.Harness.Dispatch;
using ServerlessComplaints.Harness.Execution;
using ServerlessComplaints.Harness.Storage;
using ServerlessComplaints.Workflow.Orchestration;

namespace ServerlessComplaints.Harness.Tests.Execution;

public class DivergenceTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 1, 0, 0, TimeSpan.Zero);

    private static DelegateActivityInvoker Activities() => new DelegateActivityInvoker()
        .Add<string, string>("Save", s => s)
        .Add<string, string>("Notify", s => s)
        .Add<string, string>("Archive", s => s);

    private static async Task<WorkflowInstanceStatus> RunV1ThenResumeWith(Func<IWorkflowContext, string, Task<string>> v2)
    {
        var store = new InMemoryHistoryStore();
        var v1 = new OrchestrationRegistry().Add<string, string>("Case", async (ctx, input) =>
        {
            await ctx.CallActivityAsync<string>("Save", input);
            var answer = await ctx.WaitForExternalEvent<string>("Answer");
            return await ctx.CallActivityAsync<string>("Archive", answer);
        });
        var first = new DeterministicWorkflowHost(v1, Activities(), Start, store);
        await first.StartAsync("Case", "i1", "x");

        // A new deployment with changed code picks up the same stored history.
        var second = new DeterministicWorkflowHost(new OrchestrationRegistry().Add("Case", v2), Activities(), Start, store);
        await second.Dispatcher.RecoverAsync();
        await second.RaiseEventAsync("i1", "Answer", "done");
        return (await second.Client.GetStatusAsync("i1"))!;
    }

    [Fact]
    public async Task Replay_ActivityRenamed_FailsWithNonDeterminismError()
    {
        var status = await RunV1ThenResumeWith(async (ctx, input) =>
        {
            await ctx.CallActivityAsync<string>("Notify", input);
            var answer = await ctx.WaitForExternalEvent<string>("Answer");
            return await ctx.CallActivityAsync<string>("Archive", answer);
        });

        Assert.Equal(WorkflowRuntimeStatus.Failed, status.RuntimeStatus);
        Assert.StartsWith("Non-deterministic workflow:", status.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("'Save'", status.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("'Notify'", status.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_ActivityReplacedByTimer_FailsWithNonDeterminismError()
    {
        var status = await RunV1ThenResumeWith(async (ctx, input) =>
        {
            await ctx.CreateTimer(ctx.CurrentUtcDateTime, CancellationToken.None);
            var answer = await ctx.WaitForExternalEvent<string>("Answer");
            return await ctx.CallActivityAsync<string>("Archive", answer);
        });

        Assert.Equal(WorkflowRuntimeStatus.Failed, status.RuntimeStatus);
        Assert.Contains("timer #0", status.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_ScheduledActivityRemoved_FailsWithNonDeterminismError()
    {
        var status = await RunV1ThenResumeWith(async (ctx, _) =>
        {
            var answer = await ctx.WaitForExternalEvent<string>("Answer");
            return await ctx.CallActivityAsync<string>("Archive", answer);
        });

        Assert.Equal(WorkflowRuntimeStatus.Failed, status.RuntimeStatus);
        Assert.Contains("did not schedule task #0", status.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_UnchangedCode_Completes()
    {
        var status = await RunV1ThenResumeWith(async (ctx, input) =>
        {
            await ctx.CallActivityAsync<string>("Save", input);
            var answer = await ctx.WaitForExternalEvent<string>("Answer");
            return await ctx.CallActivityAsync<string>("Archive", answer);
        });

        Assert.Equal(WorkflowRuntimeStatus.Completed, status.RuntimeStatus);
        Assert.Equal("\"done\"", status.OutputJson);
    }
}
