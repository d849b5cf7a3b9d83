using ServerlessComplaints.Runtime.History;

namespace ServerlessComplaints.Runtime.Storage;

/// <summary>What an episode needs: the instance row, its history and the events waiting in its inbox.</summary>
public sealed record InstanceSnapshot(InstanceRecord Instance, IReadOnlyList<HistoryEvent> History, IReadOnlyList<HistoryEvent> Inbox);
