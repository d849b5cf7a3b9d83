namespace ServerlessComplaints.Workflow.Notifications;

/// <summary>
/// Remembers every notification: a row is written before the send and marked sent after it, so a retry after a
/// recorded send does nothing.
/// </summary>
public interface INotificationOutbox
{
    Task<bool> IsSentAsync(string notificationId, CancellationToken cancellationToken);

    Task RecordPendingAsync(OutgoingMail mail, CancellationToken cancellationToken);

    Task MarkSentAsync(string notificationId, CancellationToken cancellationToken);

    /// <summary>Deletes every row of the case (notification ids start with its tracking number); returns how many.</summary>
    Task<int> DeleteAllAsync(string trackingNumber, CancellationToken cancellationToken);
}
