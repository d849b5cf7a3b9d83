using ServerlessComplaints.Runtime.History;
using ServerlessComplaints.Runtime.Storage;
using static ServerlessComplaints.Integration.Tests.Runtime.StoreSteps;

namespace ServerlessComplaints.Integration.Tests.Runtime;

/// <summary>The behaviour every <see cref="IHistoryStore"/> shares; run once per store by the subclasses.</summary>
public abstract partial class HistoryStoreContractTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    protected abstract Task<IHistoryStore> CreateStoreAsync();

    [Fact]
    public async Task CreateAsync_SameIdTwice_SecondReturnsFalseAndKeepsTheFirst()
    {
        var store = await CreateStoreAsync();

        var first = await store.CreateAsync(Instance("c1"), Started(), None);
        var second = await store.CreateAsync(Instance("c1") with { Name = "Other" }, Started(), None);

        Assert.True(first);
        Assert.False(second);
        Assert.Equal(Instance("c1"), (await store.GetAsync("c1", None))! with { ETag = null });
        Assert.Equal([Started()], (await store.LoadAsync("c1", None))!.Inbox);
    }

    [Fact]
    public async Task LoadAsync_UnknownInstance_NullAndNoHistory()
    {
        var store = await CreateStoreAsync();

        Assert.Null(await store.GetAsync("nobody", None));
        Assert.Null(await store.LoadAsync("nobody", None));
        Assert.Empty(await store.GetHistoryAsync("nobody", None));
    }

    [Fact]
    public async Task AppendInboxAsync_SeveralEvents_LoadedInArrivalOrder()
    {
        var store = await CreateStoreAsync();
        await store.CreateAsync(Instance("c1"), Started(), None);

        foreach (var name in new[] { "b", "a", "c" })
        {
            await store.AppendInboxAsync("c1", Raised(name), None);
        }

        var snapshot = await store.LoadAsync("c1", None);
        Assert.Equal([Started(), Raised("b"), Raised("a"), Raised("c")], snapshot!.Inbox);
        Assert.Empty(snapshot.History);
    }

    [Fact]
    public async Task AppendInboxAsync_UnknownInstance_ThrowsKeyNotFound()
    {
        var store = await CreateStoreAsync();

        await Assert.ThrowsAsync<KeyNotFoundException>(() => store.AppendInboxAsync("nobody", Raised("a"), None));
    }

    [Fact]
    public async Task CommitAsync_EventAppendedAfterLoad_ConsumesOnlyTheLoadedEventsAndAppendsHistory()
    {
        var store = await CreateStoreAsync();
        var snapshot = await CreateAndLoadAsync(store, "c1");
        await store.AppendInboxAsync("c1", Raised("late"), None);
        HistoryEvent[] episode1 = [Started(), Scheduled(0, "Upper")];
        HistoryEvent[] episode2 = [Raised("late"), Scheduled(1, "Upper", minute: 2)];

        await store.CommitAsync(Step(snapshot, episode1), None);
        var afterFirst = await store.LoadAsync("c1", None);
        await store.CommitAsync(Step(afterFirst!, episode2), None);

        Assert.Equal(episode1, afterFirst!.History);
        Assert.Equal([Raised("late")], afterFirst.Inbox);
        var afterSecond = await store.LoadAsync("c1", None);
        Assert.Equal([.. episode1, .. episode2], afterSecond!.History);
        Assert.Equal([.. episode1, .. episode2], await store.GetHistoryAsync("c1", None));
        Assert.Empty(afterSecond.Inbox);
        Assert.Equal(2, afterSecond.Instance.Version);
        Assert.Equal(Step(afterFirst, episode2).Instance with { Version = 2, ETag = null }, afterSecond.Instance with { ETag = null });
    }

    [Fact]
    public async Task CommitAsync_WithoutInboxKeys_ConsumesTheOldestEvents()
    {
        var store = await CreateStoreAsync();
        var snapshot = await CreateAndLoadAsync(store, "c1");
        await store.AppendInboxAsync("c1", Raised("late"), None);

        await store.CommitAsync(Step(snapshot, [Started()]) with { ConsumedInboxKeys = [] }, None);

        Assert.Equal([Raised("late")], (await store.LoadAsync("c1", None))!.Inbox);
    }

    [Fact]
    public async Task CommitAsync_CancelsATimerThatFiredMeanwhile_CommitsAndKeepsTheFiredEvent()
    {
        var store = await CreateStoreAsync();
        await store.CommitAsync(Step(await CreateAndLoadAsync(store, "c1"), [Started()], timers: [Timer("c1", 0, 1)]), None);
        var snapshot = await store.LoadAsync("c1", None);
        var fired = new HistoryEvent(HistoryEventType.TimerFired, T0.AddDays(1)) { TaskId = 0, FireAtUtc = Timer("c1", 0, 1).FireAtUtc };
        await store.FireTimerAsync(Timer("c1", 0, 1), fired, None);

        await store.CommitAsync(Step(snapshot!, [Raised("answer")], removedTimers: [0]), None);

        Assert.Equal(2, (await store.GetAsync("c1", None))!.Version);
        Assert.Equal([fired], (await store.LoadAsync("c1", None))!.Inbox);
        Assert.Empty(await store.GetTimersAsync(None));
    }

    [Fact]
    public async Task CommitAsync_StaleSnapshot_ThrowsConcurrencyConflictAndWritesNothing()
    {
        var store = await CreateStoreAsync();
        var snapshot = await CreateAndLoadAsync(store, "c1");
        await store.CommitAsync(Step(snapshot, [Started()]), None);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.CommitAsync(Step(snapshot, [Raised("dup")], timers: [Timer("c1", 0, 1)]), None));

        Assert.Equal([Started()], await store.GetHistoryAsync("c1", None));
        Assert.Equal(1, (await store.GetAsync("c1", None))!.Version);
        Assert.Empty(await store.GetTimersAsync(None));
    }

    [Fact]
    public async Task CommitAsync_WrongExpectedVersion_ThrowsConcurrencyConflict()
    {
        var store = await CreateStoreAsync();
        var snapshot = await CreateAndLoadAsync(store, "c1");

        var wrong = Step(snapshot, [Started()]) with { ExpectedVersion = 7 };

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.CommitAsync(wrong, None));
        Assert.Equal(0, (await store.GetAsync("c1", None))!.Version);
    }

    [Fact]
    public async Task CommitAsync_UnknownInstance_ThrowsKeyNotFound()
    {
        var store = await CreateStoreAsync();
        var ghost = new InstanceSnapshot(Instance("nobody"), [], []);

        await Assert.ThrowsAsync<KeyNotFoundException>(() => store.CommitAsync(Step(ghost, [Started()]), None));
    }
}
