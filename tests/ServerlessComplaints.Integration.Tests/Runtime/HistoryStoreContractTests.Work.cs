using ServerlessComplaints.Runtime.History;
using static ServerlessComplaints.Integration.Tests.Runtime.StoreSteps;

namespace ServerlessComplaints.Integration.Tests.Runtime;

// The contract, continued: timers, activity work, recovery queries and purge.
public abstract partial class HistoryStoreContractTests
{
    [Fact]
    public async Task CommitAsync_TimersAndActivities_AddedRemovedAndDropped()
    {
        var store = await CreateStoreAsync();
        var snapshot = await CreateAndLoadAsync(store, "c1");

        await store.CommitAsync(Step(snapshot, [Started()], timers: [Timer("c1", 0, 1), Timer("c1", 1, 2)], activities: [Activity("c1", 2)]), None);
        var added = (await store.GetTimersAsync(None), await store.GetActivitiesAsync(None));
        await store.CommitAsync(Step((await store.LoadAsync("c1", None))!, removedTimers: [0], timers: [Timer("c1", 3, 3)]), None);
        var replaced = await store.GetTimersAsync(None);
        await store.CommitAsync(Step((await store.LoadAsync("c1", None))!, timers: [Timer("c1", 1, 9)], dropAllWork: true), None);

        Assert.Equal([Timer("c1", 0, 1), Timer("c1", 1, 2)], added.Item1.OrderBy(t => t.TaskId));
        Assert.Equal([Activity("c1", 2)], added.Item2);
        Assert.Equal([Timer("c1", 1, 2), Timer("c1", 3, 3)], replaced.OrderBy(t => t.TaskId));
        Assert.Equal([Timer("c1", 1, 9)], await store.GetTimersAsync(None));
        Assert.Empty(await store.GetActivitiesAsync(None));
    }

    [Fact]
    public async Task CompleteActivityAsync_PendingWork_MovesTheResultToTheInboxOnce()
    {
        var store = await CreateStoreAsync();
        var snapshot = await CreateAndLoadAsync(store, "c1");
        await store.CommitAsync(Step(snapshot, [Started()], activities: [Activity("c1", 0)]), None);
        var result = new HistoryEvent(HistoryEventType.TaskCompleted, T0.AddMinutes(5)) { TaskId = 0, Name = "Upper", Payload = "\"X\"" };

        await store.CompleteActivityAsync(Activity("c1", 0), result, None);
        await store.CompleteActivityAsync(Activity("c1", 0), result, None);
        await store.CompleteActivityAsync(Activity("nobody", 0), result, None);

        Assert.Empty(await store.GetActivitiesAsync(None));
        Assert.Equal([result], (await store.LoadAsync("c1", None))!.Inbox);
        Assert.Equal(["c1"], await store.GetInstancesWithInboxAsync(None));
    }

    [Fact]
    public async Task FireTimerAsync_PendingTimer_MovesTimerFiredToTheInboxOnce()
    {
        var store = await CreateStoreAsync();
        var snapshot = await CreateAndLoadAsync(store, "c1");
        await store.CommitAsync(Step(snapshot, [Started()], timers: [Timer("c1", 0, 1), Timer("c1", 1, 2)]), None);
        var fired = new HistoryEvent(HistoryEventType.TimerFired, T0.AddDays(1)) { TaskId = 0, FireAtUtc = Timer("c1", 0, 1).FireAtUtc };

        await store.FireTimerAsync(Timer("c1", 0, 1), fired, None);
        await store.FireTimerAsync(Timer("c1", 0, 1), fired, None);

        Assert.Equal([Timer("c1", 1, 2)], await store.GetTimersAsync(None));
        Assert.Equal([fired], (await store.LoadAsync("c1", None))!.Inbox);
    }

    [Fact]
    public async Task RecoveryQueries_TwoInstances_ReturnEachInstancesWorkAndOnlyNonEmptyInboxes()
    {
        var store = await CreateStoreAsync();
        await store.CreateAsync(Instance("c1"), Started(), None);
        var second = await CreateAndLoadAsync(store, "c2");
        await store.CommitAsync(Step(second, [Started()], timers: [Timer("c2", 0, 1)], activities: [Activity("c2", 1)]), None);

        var ready = await store.GetInstancesWithInboxAsync(None);
        var timers = await store.GetTimersAsync(None);
        var work = await store.GetActivitiesAsync(None);

        Assert.Equal(["c1"], ready);
        Assert.Equal([Timer("c2", 0, 1)], timers);
        Assert.Equal([Activity("c2", 1)], work);
    }

    [Fact]
    public async Task PurgeAsync_InstanceWithHistoryAndWork_RemovesEverythingThenReturnsFalse()
    {
        var store = await CreateStoreAsync();
        var snapshot = await CreateAndLoadAsync(store, "c1");
        await store.CommitAsync(Step(snapshot, [Started()], timers: [Timer("c1", 0, 1)], activities: [Activity("c1", 1)]), None);
        await store.AppendInboxAsync("c1", Raised("late"), None);

        var first = await store.PurgeAsync("c1", None);
        var second = await store.PurgeAsync("c1", None);

        Assert.True(first);
        Assert.False(second);
        Assert.Null(await store.LoadAsync("c1", None));
        Assert.Empty(await store.GetHistoryAsync("c1", None));
        Assert.Empty(await store.GetTimersAsync(None));
        Assert.Empty(await store.GetActivitiesAsync(None));
        Assert.Empty(await store.GetInstancesWithInboxAsync(None));
    }
}
