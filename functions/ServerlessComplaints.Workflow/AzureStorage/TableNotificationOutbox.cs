using System.Net;
using Azure;
using Azure.Data.Tables;
using ServerlessComplaints.Workflow.Notifications;

namespace ServerlessComplaints.Workflow.AzureStorage;

/// <summary>
/// The outbox in Azure Tables: <c>{prefix}Outbox</c>, partitioned by the tracking number the notification id starts
/// with. Rows hold a SHA-256 of the recipient, never the address itself.
/// </summary>
public sealed class TableNotificationOutbox(TableServiceClient client, string tablePrefix = "", TimeProvider? timeProvider = null) : INotificationOutbox
{
    public const string Pending = "pending";
    public const string Sent = "sent";

    private readonly TableClient _table = client.GetTableClient(tablePrefix + "Outbox");
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;

    public async Task EnsureCreatedAsync(CancellationToken cancellationToken) =>
        await _table.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);

    public async Task<bool> IsSentAsync(string notificationId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(notificationId);
        var response = await _table.GetEntityIfExistsAsync<TableEntity>(
            TableKeys.TrackingPartition(notificationId), TableKeys.Escape(notificationId), ["Status"], cancellationToken).ConfigureAwait(false);
        return response.HasValue && response.Value!.GetString("Status") == Sent;
    }

    public async Task RecordPendingAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mail);
        var row = new TableEntity(TableKeys.TrackingPartition(mail.NotificationId), TableKeys.Escape(mail.NotificationId))
        {
            ["Status"] = Pending,
            ["To"] = TableKeys.Sha256Hex(mail.To.Trim().ToLowerInvariant()),
            ["Subject"] = mail.Subject,
            ["CreatedAtUtc"] = _time.GetUtcNow(),
        };
        try
        {
            await _table.AddEntityAsync(row, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.Conflict)
        {
            // Already recorded, possibly already sent: an add never overwrites the row.
        }
    }

    public async Task MarkSentAsync(string notificationId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(notificationId);
        var row = new TableEntity(TableKeys.TrackingPartition(notificationId), TableKeys.Escape(notificationId))
        {
            ["Status"] = Sent,
            ["SentAtUtc"] = _time.GetUtcNow(),
        };
        await _table.UpsertEntityAsync(row, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
    }

    public Task<int> DeleteAllAsync(string trackingNumber, CancellationToken cancellationToken)
    {
        // Rows are partitioned by the tracking number their ids start with; "other" holds no case's rows.
        var partition = TableKeys.TrackingPartition(trackingNumber);
        return partition == TableKeys.OtherPartition
            ? throw new ArgumentException("Not a tracking number.", nameof(trackingNumber))
            : TablePartition.DeleteAsync(_table, partition, cancellationToken);
    }
}
