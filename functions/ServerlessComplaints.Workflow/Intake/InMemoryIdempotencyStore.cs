using System.Collections.Concurrent;

namespace ServerlessComplaints.Workflow.Intake;

/// <summary>Idempotency keys in memory, for tests and demos.</summary>
public sealed class InMemoryIdempotencyStore : IIdempotencyStore
{
    private readonly ConcurrentDictionary<string, string> _keys = new(StringComparer.Ordinal);

    public Task<string?> FindAsync(string key, CancellationToken cancellationToken) =>
        Task.FromResult(_keys.TryGetValue(key, out var tn) ? tn : null);

    public Task<string> RememberAsync(string key, string trackingNumber, CancellationToken cancellationToken) =>
        Task.FromResult(_keys.GetOrAdd(key, trackingNumber));
}
