using System.Collections.Concurrent;

namespace ServerlessComplaints.Workflow.Retention;

/// <summary>The deletion log in memory, for tests and demos.</summary>
public sealed class InMemoryDeletionLog : IDeletionLog
{
    private readonly ConcurrentDictionary<string, DeletionRecord> _records = new(StringComparer.Ordinal);

    public Task<bool> AppendAsync(DeletionRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        return Task.FromResult(_records.TryAdd(record.TrackingNumber, record));
    }

    public Task<IReadOnlyList<DeletionRecord>> ListAsync(int take, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<DeletionRecord>>(
            [.. _records.Values.OrderByDescending(r => r.DeletedAtUtc).ThenBy(r => r.TrackingNumber, StringComparer.Ordinal).Take(take)]);
}
