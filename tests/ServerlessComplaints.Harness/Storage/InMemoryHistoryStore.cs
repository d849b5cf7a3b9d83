using ServerlessComplaints.Harness.History;

namespace ServerlessComplaints.Harness.Storage;

/// <summary>The history store of the deterministic test harness: everything in memory, one lock.</summary>
public sealed class InMemoryHistoryStore : IHistoryStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Entry> _instances = new(StringComparer.Ordinal);

    public Task<bool> CreateAsync(InstanceRecord instance, HistoryEvent started, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_instances.ContainsKey(instance.InstanceId))
            {
                return Task.FromResult(false);
            }

            var entry = new Entry(instance);
            entry.Inbox.Add(started);
            _instances.Add(instance.InstanceId, entry);
            return Task.FromResult(true);
        }
    }

    public Task<InstanceRecord?> GetAsync(string instanceId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_instances.TryGetValue(instanceId, out var entry) ? entry.Instance : null);
        }
    }

    public Task<InstanceSnapshot?> LoadAsync(string instanceId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_instances.TryGetValue(instanceId, out var entry)
                ? new InstanceSnapshot(entry.Instance, [.. entry.History], [.. entry.Inbox])
                : null);
        }
    }

    public Task<IReadOnlyList<HistoryEvent>> GetHistoryAsync(string instanceId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            IReadOnlyList<HistoryEvent> history = _instances.TryGetValue(instanceId, out var entry) ? [.. entry.History] : [];
            return Task.FromResult(history);
        }
    }

    public Task AppendInboxAsync(string instanceId, HistoryEvent e, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            Get(instanceId).Inbox.Add(e);
            return Task.CompletedTask;
        }
    }

    public Task CommitAsync(EpisodeCommit commit, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var entry = Get(commit.Instance.InstanceId);
            if (entry.Instance.Version != commit.ExpectedVersion)
            {
                throw new ConcurrencyConflictException($"Instance '{commit.Instance.InstanceId}' changed since it was read.");
            }

            entry.Instance = commit.Instance with { Version = commit.ExpectedVersion + 1 };
            entry.History.AddRange(commit.NewHistory);
            entry.Inbox.RemoveRange(0, commit.InboxConsumed);
            if (commit.DropAllWork)
            {
                entry.Timers.Clear();
                entry.Activities.Clear();
            }

            entry.Timers.RemoveAll(t => commit.RemovedTimers.Contains(t.TaskId));
            entry.Timers.AddRange(commit.NewTimers);
            entry.Activities.AddRange(commit.NewActivities);
            return Task.CompletedTask;
        }
    }

    public Task CompleteActivityAsync(PendingActivity work, HistoryEvent result, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_instances.TryGetValue(work.InstanceId, out var entry) && entry.Activities.Remove(work))
            {
                entry.Inbox.Add(result);
            }

            return Task.CompletedTask;
        }
    }

    public Task FireTimerAsync(PendingTimer timer, HistoryEvent fired, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_instances.TryGetValue(timer.InstanceId, out var entry) && entry.Timers.Remove(timer))
            {
                entry.Inbox.Add(fired);
            }

            return Task.CompletedTask;
        }
    }

    public Task<IReadOnlyList<PendingTimer>> GetTimersAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            IReadOnlyList<PendingTimer> timers = [.. _instances.Values.SelectMany(e => e.Timers)];
            return Task.FromResult(timers);
        }
    }

    public Task<IReadOnlyList<PendingActivity>> GetActivitiesAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            IReadOnlyList<PendingActivity> work = [.. _instances.Values.SelectMany(e => e.Activities)];
            return Task.FromResult(work);
        }
    }

    public Task<IReadOnlyList<string>> GetInstancesWithInboxAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            IReadOnlyList<string> ids = [.. _instances.Values.Where(e => e.Inbox.Count > 0).Select(e => e.Instance.InstanceId)];
            return Task.FromResult(ids);
        }
    }

    public Task<bool> PurgeAsync(string instanceId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_instances.Remove(instanceId));
        }
    }

    private Entry Get(string instanceId) =>
        _instances.TryGetValue(instanceId, out var entry) ? entry : throw new KeyNotFoundException($"No instance '{instanceId}'.");

    private sealed class Entry(InstanceRecord instance)
    {
        public InstanceRecord Instance { get; set; } = instance;

        public List<HistoryEvent> History { get; } = [];

        public List<HistoryEvent> Inbox { get; } = [];

        public List<PendingTimer> Timers { get; } = [];

        public List<PendingActivity> Activities { get; } = [];
    }
}
