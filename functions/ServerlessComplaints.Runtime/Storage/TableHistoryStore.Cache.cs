using System.Collections.Concurrent;
using ServerlessComplaints.Runtime.History;

namespace ServerlessComplaints.Runtime.Storage;

/// <summary>
/// A write-through cache of the instances this process has loaded. The runtime is single-node and every write to an
/// instance goes through this store, so a step needs no read: the instance row (with the ETag of our last write),
/// history and inbox are kept in memory. Any failed or conflicting write evicts the entry, and the next load reads
/// the partition again; the ETag check still guards every commit.
/// </summary>
public sealed partial class TableHistoryStore
{
    private readonly ConcurrentDictionary<string, CachedInstance> _cache = new(StringComparer.Ordinal);

    private bool TryLoadCached(string instanceId, out InstanceSnapshot snapshot)
    {
        if (_cache.TryGetValue(instanceId, out var cached))
        {
            lock (cached)
            {
                var inbox = cached.Inbox.OrderBy(i => i.Key, StringComparer.Ordinal).ToList();
                snapshot = new InstanceSnapshot(cached.Instance, [.. cached.History], [.. inbox.Select(i => i.Event)]) { InboxKeys = [.. inbox.Select(i => i.Key)] };
                return true;
            }
        }

        snapshot = null!;
        return false;
    }

    private void Remember(InstanceSnapshot snapshot) =>
        _cache[snapshot.Instance.InstanceId] = new CachedInstance(snapshot.Instance, [.. snapshot.History], [.. snapshot.InboxKeys.Zip(snapshot.Inbox, (k, e) => (k, e))]);

    private void RememberInbox(string instanceId, string key, HistoryEvent e)
    {
        if (_cache.TryGetValue(instanceId, out var cached))
        {
            lock (cached)
            {
                cached.Inbox.Add((key, e));
            }
        }
    }

    private void RememberCommit(EpisodeCommit commit, long version, string? etag)
    {
        var keysUnknown = commit.ConsumedInboxKeys.Count != commit.InboxConsumed;
        if (etag is null || keysUnknown || !_cache.TryGetValue(commit.Instance.InstanceId, out var cached))
        {
            Forget(commit.Instance.InstanceId);
            return;
        }

        lock (cached)
        {
            cached.Instance = commit.Instance with { Version = version, ETag = etag };
            cached.History.AddRange(commit.NewHistory);
            var consumed = commit.ConsumedInboxKeys.ToHashSet(StringComparer.Ordinal);
            cached.Inbox.RemoveAll(i => consumed.Contains(i.Key));
        }
    }

    private void Forget(string instanceId) => _cache.TryRemove(instanceId, out _);

    private sealed class CachedInstance(InstanceRecord instance, List<HistoryEvent> history, List<(string Key, HistoryEvent Event)> inbox)
    {
        public InstanceRecord Instance { get; set; } = instance;

        public List<HistoryEvent> History { get; } = history;

        public List<(string Key, HistoryEvent Event)> Inbox { get; } = inbox;
    }
}
