using System.Collections.Concurrent;
using System.Globalization;

namespace ServerlessComplaints.Workflow.Intake;

/// <summary>Idempotency keys in memory, for tests and demos: the same insert-if-absent and ETag-checked replace as the table store.</summary>
public sealed class InMemoryIdempotencyStore : IIdempotencyStore
{
    private readonly ConcurrentDictionary<string, IdempotencyEntry> _entries = new(StringComparer.Ordinal);
    private long _version;

    public Task<IdempotencyEntry?> FindAsync(string key, CancellationToken cancellationToken) =>
        Task.FromResult(_entries.TryGetValue(key, out var entry) ? entry : null);

    public Task<IdempotencyEntry?> TryAddAsync(IdempotencyEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var stored = entry with { ETag = NextETag() };
        return Task.FromResult(_entries.TryAdd(entry.Key, stored) ? stored : null);
    }

    public Task<IdempotencyEntry?> TryReplaceAsync(IdempotencyEntry current, IdempotencyEntry next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(next);
        if (next.Key != current.Key || !_entries.TryGetValue(current.Key, out var row) || row.ETag != current.ETag)
        {
            return Task.FromResult<IdempotencyEntry?>(null);
        }

        // TryUpdate compares the whole row, ETag included: a compare-and-swap like If-Match.
        var stored = next with { ETag = NextETag() };
        return Task.FromResult(_entries.TryUpdate(current.Key, stored, row) ? stored : null);
    }

    private string NextETag() => Interlocked.Increment(ref _version).ToString(CultureInfo.InvariantCulture);
}
