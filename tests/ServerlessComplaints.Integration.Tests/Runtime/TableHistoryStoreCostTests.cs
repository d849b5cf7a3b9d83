using Azure.Core;
using Azure.Data.Tables;
using ServerlessComplaints.Runtime.Dispatch;
using ServerlessComplaints.Runtime.Execution;
using ServerlessComplaints.Runtime.History;
using ServerlessComplaints.Runtime.Storage;
using ServerlessComplaints.Runtime.Tests;

namespace ServerlessComplaints.Integration.Tests.Runtime;

/// <summary>DESIGN.md §4's cost model, measured: storage round trips per orchestration step on the table store.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TableHistoryStoreCostTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 1, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task RunOneAsync_ActivityCompletedThenNextScheduled_OneWriteTransactionAndNoRead()
    {
        var counter = new RequestCounter();
        var options = new TableClientOptions();
        options.AddPolicy(counter, HttpPipelinePosition.PerRetry);
        var store = new TableHistoryStore(new TableServiceClient(azurite.ConnectionString, options), AzuriteFixture.UniqueName("cost"));
        await store.EnsureCreatedAsync(CancellationToken.None);
        var registry = new OrchestrationRegistry().Add<string, string>("Chain", async (ctx, input) =>
        {
            var a = await ctx.CallActivityAsync<string>("Upper", input);
            var b = await ctx.CallActivityAsync<string>("Upper", a + "-b");
            return await ctx.CallActivityAsync<string>("Upper", b + "-c");
        });
        var host = new DeterministicWorkflowHost(registry, new DelegateActivityInvoker().Add<string, string>("Upper", s => s.ToUpperInvariant()), Start, store);
        await host.Dispatcher.StartAsync("Chain", "c1", "a");
        await host.Dispatcher.RunOneAsync(); // step 1: schedules the first activity
        await host.Dispatcher.RunOneAsync(); // the activity runs; its result lands in the inbox

        counter.Reset();
        await host.Dispatcher.RunOneAsync(); // step 2: the plain step being measured
        var (reads, writes, batches) = (counter.Reads, counter.Writes, counter.Batches);

        Assert.Equal(1, writes);
        Assert.Equal(1, batches);
        Assert.Equal(0, reads); // the instance is cached after its first load: a step reads nothing
        var history = await host.Dispatcher.GetHistoryAsync("c1");
        Assert.Equal(1, history.Single(e => e.Type == HistoryEventType.TaskScheduled && e.Name == "Upper" && e.TaskId == 1).TaskId);
        Assert.Single(await store.GetActivitiesAsync(CancellationToken.None));
    }
}
