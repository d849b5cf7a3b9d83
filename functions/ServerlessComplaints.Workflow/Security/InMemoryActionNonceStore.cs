using System.Collections.Concurrent;

namespace ServerlessComplaints.Workflow.Security;

/// <summary>Used nonces in memory, for tests and demos.</summary>
public sealed class InMemoryActionNonceStore : IActionNonceStore
{
    private readonly ConcurrentDictionary<string, byte> _used = new(StringComparer.Ordinal);

    public Task<bool> TryConsumeAsync(ActionTokenClaims claims, CancellationToken cancellationToken) => Task.FromResult(_used.TryAdd(claims.Nonce, 0));

    public Task<bool> IsConsumedAsync(ActionTokenClaims claims, CancellationToken cancellationToken) => Task.FromResult(_used.ContainsKey(claims.Nonce));
}
