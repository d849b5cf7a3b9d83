using ServerlessComplaints.Workflow.Notifications;

namespace ServerlessComplaints.Workflow.Tests.Retention;

/// <summary>An outbox whose first <see cref="DeleteAllAsync"/> fails, as a crash or outage midway through a deletion would.</summary>
internal sealed class FailingOnceOutbox(INotificationOutbox inner) : INotificationOutbox
{
    private int _calls;

    public Task<bool> IsSentAsync(string notificationId, CancellationToken cancellationToken) => inner.IsSentAsync(notificationId, cancellationToken);

    public Task RecordPendingAsync(OutgoingMail mail, CancellationToken cancellationToken) => inner.RecordPendingAsync(mail, cancellationToken);

    public Task MarkSentAsync(string notificationId, CancellationToken cancellationToken) => inner.MarkSentAsync(notificationId, cancellationToken);

    public Task<int> DeleteAllAsync(string trackingNumber, CancellationToken cancellationToken) =>
        Interlocked.Increment(ref _calls) == 1
            ? throw new IOException("Storage unreachable (simulated).")
            : inner.DeleteAllAsync(trackingNumber, cancellationToken);
}
