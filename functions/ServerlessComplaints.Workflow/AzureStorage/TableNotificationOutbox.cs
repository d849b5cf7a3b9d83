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

    private const string Status = "Status";
    private const string ClaimedUntil = "ClaimedUntilUtc";

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
        var row = PendingRow(mail);
        try
        {
            await _table.AddEntityAsync(row, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.Conflict)
        {
            // Already recorded, possibly already sent: an add never overwrites the row.
        }
    }

    /// <summary>
    /// The claim is the row itself: adding it claims the send; a pending row whose claim ran out (its worker died
    /// mid-send) is claimed again by an update conditional on its ETag, so of two workers exactly one wins.
    /// </summary>
    public async Task<bool> TryClaimAsync(OutgoingMail mail, TimeSpan claimFor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mail);
        var now = _time.GetUtcNow();
        var row = PendingRow(mail);
        row[ClaimedUntil] = now + claimFor;
        try
        {
            await _table.AddEntityAsync(row, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.Conflict)
        {
            // Recorded before: by another worker now, or by a send that died or predates claims.
        }

        var existing = await _table.GetEntityIfExistsAsync<TableEntity>(row.PartitionKey, row.RowKey, [Status, ClaimedUntil], cancellationToken).ConfigureAwait(false);
        if (!existing.HasValue)
        {
            return await TryClaimAsync(mail, claimFor, cancellationToken).ConfigureAwait(false); // deleted in between: add it again
        }

        if (existing.Value!.GetString(Status) == Sent || existing.Value.GetDateTimeOffset(ClaimedUntil) is { } until && until > now)
        {
            return false; // sent, or another worker's claim still runs
        }

        try
        {
            await _table.UpdateEntityAsync(new TableEntity(row.PartitionKey, row.RowKey) { [ClaimedUntil] = now + claimFor }, existing.Value.ETag, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is (int)HttpStatusCode.PreconditionFailed or (int)HttpStatusCode.NotFound)
        {
            return false; // another worker claimed it (or marked it sent) in between
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

    private TableEntity PendingRow(OutgoingMail mail) => new(TableKeys.TrackingPartition(mail.NotificationId), TableKeys.Escape(mail.NotificationId))
    {
        [Status] = Pending,
        ["To"] = TableKeys.Sha256Hex(mail.To.Trim().ToLowerInvariant()),
        ["Subject"] = mail.Subject,
        ["CreatedAtUtc"] = _time.GetUtcNow(),
    };

    public Task<int> DeleteAllAsync(string trackingNumber, CancellationToken cancellationToken)
    {
        // Rows are partitioned by the tracking number their ids start with; "other" holds no case's rows.
        var partition = TableKeys.TrackingPartition(trackingNumber);
        return partition == TableKeys.OtherPartition
            ? throw new ArgumentException("Not a tracking number.", nameof(trackingNumber))
            : TablePartition.DeleteAsync(_table, partition, cancellationToken);
    }
}
