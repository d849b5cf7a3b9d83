using Azure.Data.Tables;
using ServerlessComplaints.Runtime.Dispatch;
using ServerlessComplaints.Runtime.Execution;
using ServerlessComplaints.Runtime.History;
using ServerlessComplaints.Runtime.Storage;
using ServerlessComplaints.Workflow.Orchestration;
using ServerlessComplaints.Runtime.Tests;

namespace ServerlessComplaints.Integration.Tests.Runtime;

/// <summary>The runtime on the table store: the same histories as in memory, and a restart that resumes from storage.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TableHistoryStoreRuntimeTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 1, 0, 0, TimeSpan.Zero);

    // An activity, a deadline timer raced against an answer (the loser cancelled), then an activity with retries.
    private static OrchestrationRegistry Case() => new OrchestrationRegistry().Add<string, string>("Case", async (ctx, input) =>
    {
        ctx.SetCustomStatus(new { stage = "assessment" });
        var upper = await ctx.CallActivityAsync<string>("Upper", input);
        using var cts = new CancellationTokenSource();
        var answer = ctx.WaitForExternalEvent<string>("Answer");
        var deadline = ctx.CreateTimer(ctx.CurrentUtcDateTime.AddDays(2), cts.Token);
        var winner = await Task.WhenAny(answer, deadline);
        cts.Cancel();
        var reply = winner == answer ? await answer : "no answer";
        ctx.SetCustomStatus(new { stage = "closing" });
        return await ctx.CallActivityAsync<string>("Flaky", upper + "/" + reply, new WorkflowRetryPolicy(3, TimeSpan.FromSeconds(10)));
    });

    private static DelegateActivityInvoker Activities()
    {
        var failuresLeft = 2;
        return new DelegateActivityInvoker()
            .Add<string, string>("Upper", s => s.ToUpperInvariant())
            .Add<string, string>("Flaky", s => failuresLeft-- > 0 ? throw new IOException("storage unavailable") : s + "!");
    }

    [Fact]
    public async Task Host_SameOrchestrationOnBothStores_IdenticalHistoriesAndStatus()
    {
        var memory = new DeterministicWorkflowHost(Case(), Activities(), Start, new InMemoryHistoryStore());
        var table = new DeterministicWorkflowHost(Case(), Activities(), Start, await NewStoreAsync());

        foreach (var host in new[] { memory, table })
        {
            await host.StartAsync("Case", "case-1", "hello");
            await host.AdvanceAsync(TimeSpan.FromHours(1));
            await host.RaiseEventAsync("case-1", "Answer", "yes");
            await host.AdvanceAsync(TimeSpan.FromMinutes(5));
        }

        var expected = await memory.Dispatcher.GetHistoryAsync("case-1");
        var actual = await table.Dispatcher.GetHistoryAsync("case-1");
        Assert.Contains(expected, e => e.Type == HistoryEventType.TimerCreated);
        Assert.Equal(2, expected.Count(e => e.Type == HistoryEventType.TaskFailed));
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            var (e, a) = (expected[i], actual[i]);
            Assert.Equal((e.Type, e.TaskId, e.Name, e.Payload, e.FireAtUtc, e.Failure, e.TimestampUtc), (a.Type, a.TaskId, a.Name, a.Payload, a.FireAtUtc, a.Failure, a.TimestampUtc));
        }

        var status = await table.Client.GetStatusAsync("case-1");
        Assert.Equal(await memory.Client.GetStatusAsync("case-1"), status);
        Assert.Equal(WorkflowRuntimeStatus.Completed, status!.RuntimeStatus);
        Assert.Equal("\"HELLO/yes!\"", status.OutputJson);
        Assert.Null(table.Dispatcher.NextTimerDueUtc);
    }

    [Fact]
    public async Task Host_RestartedOverTheSameTable_RecoversThePendingTimerAndCompletes()
    {
        var store = await NewStoreAsync();
        var before = new DeterministicWorkflowHost(Case(), Activities(), Start, store);
        await before.StartAsync("Case", "case-1", "hello");
        await before.AdvanceAsync(TimeSpan.FromHours(1));
        var waiting = await before.Client.GetStatusAsync("case-1");

        var after = new DeterministicWorkflowHost(Case(), Activities(), Start.AddHours(1), store);
        await after.Dispatcher.RecoverAsync();
        var recoveredTimer = after.Dispatcher.NextTimerDueUtc;
        await after.AdvanceAsync(TimeSpan.FromDays(3));

        Assert.Equal(WorkflowRuntimeStatus.Running, waiting!.RuntimeStatus);
        Assert.Equal(Start.UtcDateTime.AddDays(2), recoveredTimer);
        var status = await after.Client.GetStatusAsync("case-1");
        Assert.Equal(WorkflowRuntimeStatus.Completed, status!.RuntimeStatus);
        Assert.Equal("\"HELLO/no answer!\"", status.OutputJson);
        var history = await after.Dispatcher.GetHistoryAsync("case-1");
        Assert.Equal(Start.UtcDateTime.AddDays(2), history.Single(e => e.Type == HistoryEventType.TimerFired && e.TaskId == 1).FireAtUtc);
        Assert.Empty(await store.GetTimersAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Host_InputOf100000Chars_RoundTripsThroughEveryStep()
    {
        var text = string.Concat(Enumerable.Repeat("complaint é ", 8_334))[..100_000];
        var registry = new OrchestrationRegistry().Add<string, string>("Echo", (ctx, input) => ctx.CallActivityAsync<string>("Same", input));
        var host = new DeterministicWorkflowHost(registry, new DelegateActivityInvoker().Add<string, string>("Same", s => s), Start, await NewStoreAsync());

        await host.StartAsync("Echo", "big", text);

        var status = await host.Client.GetStatusAsync("big");
        Assert.Equal(WorkflowRuntimeStatus.Completed, status!.RuntimeStatus);
        Assert.Equal(text, WorkflowJson.Deserialize<string>(status.OutputJson));
        var history = await host.Dispatcher.GetHistoryAsync("big");
        Assert.Equal(text, WorkflowJson.Deserialize<string>(history.Single(e => e.Type == HistoryEventType.TaskCompleted).Payload));
    }

    private async Task<TableHistoryStore> NewStoreAsync()
    {
        var store = new TableHistoryStore(new TableServiceClient(azurite.ConnectionString), AzuriteFixture.UniqueName("runtime"));
        await store.EnsureCreatedAsync(CancellationToken.None);
        return store;
    }
}
