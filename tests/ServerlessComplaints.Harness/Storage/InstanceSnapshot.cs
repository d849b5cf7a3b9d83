using ServerlessComplaints.Harness.History;

namespace ServerlessComplaints.Harness.Storage;

/// <summary>What an episode needs: the instance row, its history and the events waiting in its inbox.</summary>
public sealed record InstanceSnapshot(InstanceRecord Instance, IReadOnlyList<HistoryEvent> History, IReadOnlyList<HistoryEvent> Inbox)
{
    /// <summary>The store's keys of the inbox events, in the same order (used to delete exactly those on commit).</summary>
    public IReadOnlyList<string> InboxKeys { get; init; } = [];
}
