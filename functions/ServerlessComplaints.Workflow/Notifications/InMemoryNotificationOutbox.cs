using System.Collections.Concurrent;

namespace ServerlessComplaints.Workflow.Notifications;

/// <summary>The outbox in memory, for tests and demos.</summary>
public sealed class InMemoryNotificationOutbox : INotificationOutbox
{
    private readonly ConcurrentDictionary<string, bool> _rows = new(StringComparer.Ordinal);

    public Task<bool> IsSentAsync(string notificationId, CancellationToken cancellationToken) =>
        Task.FromResult(_rows.TryGetValue(notificationId, out var sent) && sent);

    public Task RecordPendingAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        _rows.TryAdd(mail.NotificationId, false);
        return Task.CompletedTask;
    }

    public Task MarkSentAsync(string notificationId, CancellationToken cancellationToken)
    {
        _rows[notificationId] = true;
        return Task.CompletedTask;
    }
}
