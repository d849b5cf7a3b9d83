using ServerlessComplaints.Harness.History;

namespace ServerlessComplaints.Harness.Storage;

/// <summary>
/// Durable state of the test harness: instances, histories, inboxes, pending timers and activity work.
/// Implemented in memory (tests) and on Azure Tables.
/// </summary>
public interface IHistoryStore
{
    /// <summary>Creates the instance with <paramref name="started"/> in its inbox; false when the id exists.</summary>
    Task<bool> CreateAsync(InstanceRecord instance, HistoryEvent started, CancellationToken cancellationToken);

    Task<InstanceRecord?> GetAsync(string instanceId, CancellationToken cancellationToken);

    Task<InstanceSnapshot?> LoadAsync(string instanceId, CancellationToken cancellationToken);

    Task<IReadOnlyList<HistoryEvent>> GetHistoryAsync(string instanceId, CancellationToken cancellationToken);

    Task AppendInboxAsync(string instanceId, HistoryEvent e, CancellationToken cancellationToken);

    /// <summary>Writes one step atomically; throws <see cref="ConcurrencyConflictException"/> on a version mismatch.</summary>
    Task CommitAsync(EpisodeCommit commit, CancellationToken cancellationToken);

    /// <summary>Removes a finished activity's work item and puts its result in the inbox, together.</summary>
    Task CompleteActivityAsync(PendingActivity work, HistoryEvent result, CancellationToken cancellationToken);

    /// <summary>Removes a due timer and puts TimerFired in the inbox, together.</summary>
    Task FireTimerAsync(PendingTimer timer, HistoryEvent fired, CancellationToken cancellationToken);

    Task<IReadOnlyList<PendingTimer>> GetTimersAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<PendingActivity>> GetActivitiesAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<string>> GetInstancesWithInboxAsync(CancellationToken cancellationToken);

    Task<bool> PurgeAsync(string instanceId, CancellationToken cancellationToken);
}
