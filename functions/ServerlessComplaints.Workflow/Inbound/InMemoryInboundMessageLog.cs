using System.Collections.Concurrent;

namespace ServerlessComplaints.Workflow.Inbound;

/// <summary>The inbound Message-ID log in memory, for tests and demos.</summary>
public sealed class InMemoryInboundMessageLog : IInboundMessageLog
{
    private readonly ConcurrentDictionary<string, InboundMessageSeen> _rows = new(StringComparer.Ordinal);

    public Task<InboundMessageSeen?> FindAsync(string messageKey, CancellationToken cancellationToken) =>
        Task.FromResult(_rows.TryGetValue(messageKey, out var seen) ? seen : null);

    public Task<bool> TryClaimAsync(string messageKey, DateTime nowUtc, CancellationToken cancellationToken) =>
        Task.FromResult(_rows.TryAdd(messageKey, new InboundMessageSeen(InboundMessageSeen.Processing, null, nowUtc)));

    public Task CompleteAsync(string messageKey, InboundMessageSeen outcome, CancellationToken cancellationToken)
    {
        _rows[messageKey] = outcome;
        return Task.CompletedTask;
    }
}
