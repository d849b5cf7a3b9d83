using System.Net;
using Azure;
using Azure.Data.Tables;
using ServerlessComplaints.Workflow.AzureStorage;
using ServerlessComplaints.Workflow.Lifecycle;
using ServerlessComplaints.Workflow.Localization;

namespace ServerlessComplaints.Workflow.Retention;

/// <summary>
/// The deletion log in Azure Tables: <c>{prefix}Deletions</c>, partitioned by the month of receipt like the records,
/// one row per tracking number, so finishing an interrupted deletion cannot log it twice.
/// </summary>
public sealed class TableDeletionLog(TableServiceClient client, string tablePrefix = "") : IDeletionLog
{
    private readonly TableClient _table = client.GetTableClient(tablePrefix + "Deletions");

    public async Task EnsureCreatedAsync(CancellationToken cancellationToken) =>
        await _table.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);

    public async Task<bool> AppendAsync(DeletionRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var row = new TableEntity(TableKeys.ComplaintPartition(record.TrackingNumber), TableKeys.Escape(record.TrackingNumber))
        {
            [nameof(DeletionRecord.TrackingNumber)] = record.TrackingNumber,
            [nameof(DeletionRecord.Kind)] = record.Kind,
            [nameof(DeletionRecord.Category)] = record.Category,
            [nameof(DeletionRecord.ReceivedAtUtc)] = ComplaintEntity.AsUtc(record.ReceivedAtUtc),
            [nameof(DeletionRecord.ClosedAtUtc)] = ComplaintEntity.AsUtc(record.ClosedAtUtc),
            [nameof(DeletionRecord.RetainUntilUtc)] = ComplaintEntity.AsUtc(record.RetainUntilUtc),
            [nameof(DeletionRecord.DeletedAtUtc)] = ComplaintEntity.AsUtc(record.DeletedAtUtc),
            [nameof(DeletionRecord.EvidenceFilesDeleted)] = record.EvidenceFilesDeleted,
            [nameof(DeletionRecord.TimelineEntriesDeleted)] = record.TimelineEntriesDeleted,
        };
        if (record.Outcome is { } outcome)
        {
            row[nameof(DeletionRecord.Outcome)] = WireNames.Of(outcome);
        }

        try
        {
            await _table.AddEntityAsync(row, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.Conflict)
        {
            return false;
        }
    }

    public async Task<IReadOnlyList<DeletionRecord>> ListAsync(int take, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(take);

        // Keys follow receipt, not deletion: the log is small rows, read whole and ordered here.
        var records = new List<DeletionRecord>();
        await foreach (var row in _table.QueryAsync<TableEntity>(cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            records.Add(new DeletionRecord(
                row.GetString(nameof(DeletionRecord.TrackingNumber)) ?? row.RowKey,
                row.GetString(nameof(DeletionRecord.Kind)) ?? "",
                row.GetString(nameof(DeletionRecord.Category)) ?? "",
                row.GetString(nameof(DeletionRecord.Outcome)) is { } outcome ? WireNames.ValueOf<CaseOutcome>(outcome) : null,
                Utc(row, nameof(DeletionRecord.ReceivedAtUtc)),
                Utc(row, nameof(DeletionRecord.ClosedAtUtc)),
                Utc(row, nameof(DeletionRecord.RetainUntilUtc)),
                Utc(row, nameof(DeletionRecord.DeletedAtUtc)),
                row.GetInt32(nameof(DeletionRecord.EvidenceFilesDeleted)) ?? 0,
                row.GetInt32(nameof(DeletionRecord.TimelineEntriesDeleted)) ?? 0));
        }

        return [.. records.OrderByDescending(r => r.DeletedAtUtc).ThenBy(r => r.TrackingNumber, StringComparer.Ordinal).Take(take)];
    }

    private static DateTime Utc(TableEntity row, string column) =>
        row.GetDateTimeOffset(column)?.UtcDateTime ?? throw new InvalidDataException($"Deletion row '{row.RowKey}' lacks {column}.");
}
