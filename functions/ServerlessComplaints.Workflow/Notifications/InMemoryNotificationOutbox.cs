using System.Collections.Concurrent;

namespace ServerlessComplaints.Workflow.Notifications;

/// <summary>The outbox in memory, for tests and demos.</summary>
public sealed class InMemoryNotificationOutbox : INotificationOutbox
{
    private readonly ConcurrentDictionary<string, bool> _rows = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> NotificationIds => [.. _rows.Keys];

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

    public Task<int> DeleteAllAsync(string trackingNumber, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(trackingNumber);
        return Task.FromResult(_rows.Keys.Count(id => id.StartsWith(trackingNumber, StringComparison.Ordinal) && _rows.TryRemove(id, out _)));
    }
}
