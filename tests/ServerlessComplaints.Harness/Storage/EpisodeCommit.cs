using ServerlessComplaints.Harness.History;

namespace ServerlessComplaints.Harness.Storage;

/// <summary>
/// Everything one orchestration step writes, committed together: the new instance row (checked against
/// <paramref name="ExpectedVersion"/>), history rows, the inbox events consumed, and timers and work added or dropped.
/// </summary>
public sealed record EpisodeCommit(
    InstanceRecord Instance,
    long ExpectedVersion,
    IReadOnlyList<HistoryEvent> NewHistory,
    int InboxConsumed,
    IReadOnlyList<PendingTimer> NewTimers,
    IReadOnlyList<int> RemovedTimers,
    IReadOnlyList<PendingActivity> NewActivities,
    bool DropAllWork = false)
{
    /// <summary>The keys (from <see cref="InstanceSnapshot.InboxKeys"/>) of the inbox events consumed.</summary>
    public IReadOnlyList<string> ConsumedInboxKeys { get; init; } = [];
}
