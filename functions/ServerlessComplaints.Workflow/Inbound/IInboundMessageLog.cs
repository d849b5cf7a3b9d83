namespace ServerlessComplaints.Workflow.Inbound;

/// <summary>
/// The messages the webhook has handled, by a hash of sender and Message-ID (see <see cref="InboundMessageKey"/>), so
/// a retried or repeated delivery never opens a second case.
/// A row is claimed (<see cref="InboundMessageSeen.Processing"/>) before the work and completed after it.
/// </summary>
public interface IInboundMessageLog
{
    Task<InboundMessageSeen?> FindAsync(string messageKey, CancellationToken cancellationToken);

    /// <summary>Claims the message with a conditional insert; false when a row exists already.</summary>
    Task<bool> TryClaimAsync(string messageKey, DateTime nowUtc, CancellationToken cancellationToken);

    /// <summary>Records the outcome, replacing a claim (or a stale claim taken over).</summary>
    Task CompleteAsync(string messageKey, InboundMessageSeen outcome, CancellationToken cancellationToken);
}
