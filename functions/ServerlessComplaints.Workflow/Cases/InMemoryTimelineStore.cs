using System.Collections.Concurrent;

namespace ServerlessComplaints.Workflow.Cases;

/// <summary>Timelines in memory, for tests and demos.</summary>
public sealed class InMemoryTimelineStore : ITimelineStore
{
    private readonly ConcurrentDictionary<string, List<TimelineEntry>> _timelines = new(StringComparer.Ordinal);

    public Task<bool> AppendAsync(TimelineEntry entry, CancellationToken cancellationToken)
    {
        var list = _timelines.GetOrAdd(entry.TrackingNumber, _ => []);
        lock (list)
        {
            if (list.Any(e => e.EntryId == entry.EntryId))
            {
                return Task.FromResult(false);
            }

            list.Add(entry);
            return Task.FromResult(true);
        }
    }

    public Task<IReadOnlyList<TimelineEntry>> ListAsync(string trackingNumber, CancellationToken cancellationToken)
    {
        if (!_timelines.TryGetValue(trackingNumber, out var list))
        {
            return Task.FromResult<IReadOnlyList<TimelineEntry>>([]);
        }

        lock (list)
        {
            return Task.FromResult<IReadOnlyList<TimelineEntry>>([.. list.OrderBy(e => e.AtUtc)]);
        }
    }

    public Task<int> DeleteAllAsync(string trackingNumber, CancellationToken cancellationToken)
    {
        if (!_timelines.TryRemove(trackingNumber, out var list))
        {
            return Task.FromResult(0);
        }

        lock (list)
        {
            return Task.FromResult(list.Count);
        }
    }
}
