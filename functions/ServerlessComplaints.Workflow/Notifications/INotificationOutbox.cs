namespace ServerlessComplaints.Workflow.Notifications;

/// <summary>
/// Remembers every notification: a row is written before the send and marked sent after it, so a retry after a
/// recorded send does nothing.
/// </summary>
public interface INotificationOutbox
{
    Task<bool> IsSentAsync(string notificationId, CancellationToken cancellationToken);

    Task RecordPendingAsync(OutgoingMail mail, CancellationToken cancellationToken);

    /// <summary>
    /// Records the mail as pending and claims its send for <paramref name="claimFor"/>; false when it is sent or another
    /// worker's claim still runs. The default suits an outbox in one process; a shared one makes the claim atomic.
    /// </summary>
    async Task<bool> TryClaimAsync(OutgoingMail mail, TimeSpan claimFor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mail);
        await RecordPendingAsync(mail, cancellationToken).ConfigureAwait(false);
        return true;
    }

    Task MarkSentAsync(string notificationId, CancellationToken cancellationToken);

    /// <summary>Deletes every row of the case (notification ids start with its tracking number); returns how many.</summary>
    Task<int> DeleteAllAsync(string trackingNumber, CancellationToken cancellationToken);
}
