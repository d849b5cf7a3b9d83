using Azure.Data.Tables;
using ServerlessComplaints.Runtime.History;
using ServerlessComplaints.Runtime.Storage;
using static ServerlessComplaints.Integration.Tests.Runtime.StoreSteps;

namespace ServerlessComplaints.Integration.Tests.Runtime;

/// <summary>The store contract on Azure Tables (Azurite), plus what only a table store has: keys, row limits, big steps.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TableHistoryStoreTests(AzuriteFixture azurite) : HistoryStoreContractTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    protected override async Task<IHistoryStore> CreateStoreAsync() => await NewStoreAsync();

    [Fact]
    public async Task LoadAsync_SeveralInboxEvents_OneDistinctAscendingKeyPerEvent()
    {
        var store = await NewStoreAsync();
        await store.CreateAsync(Instance("c1"), Started(), None);
        await store.AppendInboxAsync("c1", Raised("a"), None);
        await store.AppendInboxAsync("c1", Raised("b"), None);

        var snapshot = await store.LoadAsync("c1", None);

        Assert.Equal(3, snapshot!.InboxKeys.Count);
        Assert.Equal(snapshot.InboxKeys.Order(StringComparer.Ordinal), snapshot.InboxKeys);
        Assert.Equal(3, snapshot.InboxKeys.Distinct().Count());
        Assert.NotNull(snapshot.Instance.ETag);
    }

    [Fact]
    public async Task CommitAsync_EpisodeWithA100000CharPayload_RoundTripsIntact()
    {
        var store = await NewStoreAsync();
        // Emoji are surrogate pairs: some straddle the 30,000-character chunk boundaries of the instance row.
        var input = "\"" + string.Concat(Enumerable.Repeat("ab\U0001F600", 25_000)) + "\"";
        var answer = Raised("answer") with { Payload = "\"" + new string('y', 100_000) + "\"" };
        await store.CreateAsync(Instance("big", input), Started(input), None);
        var snapshot = await store.LoadAsync("big", None);
        await store.AppendInboxAsync("big", answer, None);

        await store.CommitAsync(Step(snapshot!, [Started(input)]), None);

        var loaded = await store.LoadAsync("big", None);
        Assert.Equal(input, snapshot!.Inbox[0].Payload);
        Assert.Equal(input, loaded!.Instance.InputJson);
        Assert.Equal([Started(input)], loaded.History);
        Assert.Equal([Started(input)], await store.GetHistoryAsync("big", None));
        Assert.Equal([answer], loaded.Inbox);
    }

    [Fact]
    public async Task CommitAsync_EpisodeOverTheRowLimit_ThrowsAClearErrorAndWritesNothing()
    {
        var store = await NewStoreAsync();
        var snapshot = await CreateAndLoadAsync(store, "c1");
        var huge = Scheduled(0, "Upper") with { Payload = new string('x', 500_000) };

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => store.CommitAsync(Step(snapshot, [huge]), None));

        Assert.Contains("Episode 1 of 'c1'", error.Message, StringComparison.Ordinal);
        Assert.Contains("blobs", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, (await store.GetAsync("c1", None))!.Version);
    }

    [Fact]
    public async Task CommitAsync_DropAllWorkOfMoreThan100Rows_DeletesThemAll()
    {
        var store = await NewStoreAsync();
        var snapshot = await CreateAndLoadAsync(store, "c1");
        var work = Enumerable.Range(0, 150).Select(i => Activity("c1", i)).ToList();
        var timers = Enumerable.Range(150, 60).Select(i => Timer("c1", i, 1)).ToList();

        await store.CommitAsync(Step(snapshot, [Started()], timers: timers, activities: work), None);
        await store.CommitAsync(Step((await store.LoadAsync("c1", None))!, [Raised("stop")], dropAllWork: true), None);

        Assert.Empty(await store.GetActivitiesAsync(None));
        Assert.Empty(await store.GetTimersAsync(None));
        Assert.Equal(2, (await store.GetAsync("c1", None))!.Version);
        Assert.Equal([Started(), Raised("stop")], await store.GetHistoryAsync("c1", None));
    }

    [Fact]
    public async Task CommitAsync_MoreThan100NewRows_EveryRowArrives()
    {
        var store = await NewStoreAsync();
        var snapshot = await CreateAndLoadAsync(store, "c1");
        var work = Enumerable.Range(0, 150).Select(i => Activity("c1", i)).ToList();
        var timers = Enumerable.Range(150, 60).Select(i => Timer("c1", i, 1)).ToList();

        await store.CommitAsync(Step(snapshot, [Started()], timers: timers, activities: work), None);

        Assert.Equal(work, (await store.GetActivitiesAsync(None)).OrderBy(a => a.TaskId));
        Assert.Equal(timers, (await store.GetTimersAsync(None)).OrderBy(t => t.TaskId));
        Assert.Equal(1, (await store.GetAsync("c1", None))!.Version);
        Assert.Empty((await store.LoadAsync("c1", None))!.Inbox);
    }

    private async Task<TableHistoryStore> NewStoreAsync()
    {
        var store = new TableHistoryStore(new TableServiceClient(azurite.ConnectionString), AzuriteFixture.UniqueName("history"));
        await store.EnsureCreatedAsync(None);
        return store;
    }
}
