using ServerlessComplaints.Runtime.History;
using ServerlessComplaints.Runtime.Storage;
using ServerlessComplaints.Workflow.Orchestration;

namespace ServerlessComplaints.Integration.Tests.Runtime;

/// <summary>Instances, events and commits for the store tests, built the way the dispatcher builds them.</summary>
internal static class StoreSteps
{
    public static readonly DateTime T0 = new(2026, 11, 23, 1, 0, 0, DateTimeKind.Utc);

    public static InstanceRecord Instance(string id, string? inputJson = "\"in\"") =>
        new(id, "Case", WorkflowRuntimeStatus.Pending, inputJson, T0, T0);

    public static HistoryEvent Started(string? inputJson = "\"in\"") =>
        new(HistoryEventType.ExecutionStarted, T0) { Name = "Case", Payload = inputJson };

    public static HistoryEvent Raised(string name, int minute = 1) =>
        new(HistoryEventType.EventRaised, T0.AddMinutes(minute)) { Name = name, Payload = "\"" + name + "\"" };

    public static HistoryEvent Scheduled(int taskId, string name, int minute = 0) =>
        new(HistoryEventType.TaskScheduled, T0.AddMinutes(minute)) { TaskId = taskId, Name = name, Payload = "\"x\"" };

    public static PendingTimer Timer(string id, int taskId, int days) => new(id, taskId, T0.AddDays(days).AddTicks(1234567));

    public static PendingActivity Activity(string id, int taskId) => new(id, taskId, "Upper", "\"x\"");

    /// <summary>A step over <paramref name="snapshot"/>: consumes its whole inbox, appends <paramref name="history"/>.</summary>
    public static EpisodeCommit Step(
        InstanceSnapshot snapshot,
        IReadOnlyList<HistoryEvent>? history = null,
        IReadOnlyList<PendingTimer>? timers = null,
        IReadOnlyList<int>? removedTimers = null,
        IReadOnlyList<PendingActivity>? activities = null,
        bool dropAllWork = false)
    {
        var record = snapshot.Instance with
        {
            Status = WorkflowRuntimeStatus.Running,
            CustomStatusJson = "{\"stage\":\"step" + snapshot.Instance.Version + "\"}",
            LastUpdatedAtUtc = T0.AddMinutes(snapshot.Instance.Version + 1),
        };
        return new EpisodeCommit(
            record,
            snapshot.Instance.Version,
            history ?? [],
            snapshot.Inbox.Count,
            timers ?? [],
            removedTimers ?? [],
            activities ?? [],
            dropAllWork)
        {
            ConsumedInboxKeys = snapshot.InboxKeys,
        };
    }

    public static async Task<InstanceSnapshot> CreateAndLoadAsync(IHistoryStore store, string id)
    {
        Assert.True(await store.CreateAsync(Instance(id), Started(), CancellationToken.None));
        return (await store.LoadAsync(id, CancellationToken.None))!;
    }
}
