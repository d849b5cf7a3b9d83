using System.Net;
using Azure;
using Azure.Data.Tables;
using ServerlessComplaints.Workflow.Cases;
using ServerlessComplaints.Workflow.Domain;
using ServerlessComplaints.Workflow.Lifecycle;
using ServerlessComplaints.Workflow.Workspace;

namespace ServerlessComplaints.Workflow.AzureStorage;

/// <summary>
/// Case records in Azure Tables: <c>{prefix}Complaints</c> (one partition per month of receipt), the
/// <c>{prefix}CustomerIndex</c> of hashed emails and phone numbers for repeat-customer counts, and the staff queue's
/// projections (<see cref="TableQueueProjection"/>) and the dashboard's aggregates (<see cref="DashboardAggregates"/>),
/// written after every write of a record. <paramref name="businessTimeZone"/> (the business calendar's; UTC when not
/// given) decides the local date, and so the week, a case is counted under on the dashboard.
/// </summary>
/// <remarks>
/// Each complaint row carries a <c>Version</c>, one more on every update (under the row's ETag, so a lost race redoes
/// the change rather than counting twice); the projections record the version they show, so a late writer of an
/// older state cannot overwrite a newer one.
/// </remarks>
public sealed partial class TableComplaintStore(TableServiceClient client, string tablePrefix = "", TimeZoneInfo? businessTimeZone = null) : IComplaintStore, ICustomerCases
{
    private const int MaxUpdateAttempts = 10;
    private const int MaxProjectionAttempts = 3;
    private const int MaxCustomerIndexRows = 1_000;
    private const string VersionColumn = "Version";

    private readonly TableClient _complaints = client.GetTableClient(tablePrefix + "Complaints");
    private readonly TableClient _customerIndex = client.GetTableClient(tablePrefix + "CustomerIndex");

    internal TableQueueProjection Projection { get; } = new(client, tablePrefix);

    internal DashboardAggregates Dashboard { get; } = new(client, tablePrefix, businessTimeZone ?? TimeZoneInfo.Utc);

    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        await _complaints.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
        await _customerIndex.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
        await Projection.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        await Dashboard.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);

        // A store without records has nothing to rebuild: mark it projected, so its first queue read does not scan.
        var queueMarked = await Projection.HasMarkerAsync(cancellationToken).ConfigureAwait(false);
        var dashboardMarked = await Dashboard.HasMarkerAsync(cancellationToken).ConfigureAwait(false);
        if ((!queueMarked || !dashboardMarked) && !await AnyRecordAsync(cancellationToken).ConfigureAwait(false))
        {
            await Projection.WriteMarkerAsync(cancellationToken).ConfigureAwait(false);
            await Dashboard.WriteMarkerAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<bool> TryAddAsync(ComplaintRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var entity = ComplaintEntity.From(record);
        entity[VersionColumn] = 1L;
        try
        {
            await _complaints.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.Conflict)
        {
            // A retry after a crash between the writes: make sure the stored record is indexed and projected.
            if (await ReadAsync(record.TrackingNumber, cancellationToken).ConfigureAwait(false) is { } row)
            {
                var stored = ComplaintEntity.ToRecord(row);
                await IndexAsync(stored, cancellationToken).ConfigureAwait(false);
                await ProjectAsync(stored, VersionOf(row), cancellationToken).ConfigureAwait(false);
                await Dashboard.ApplyAsync(stored, VersionOf(row), cancellationToken).ConfigureAwait(false);
            }

            return false;
        }

        await IndexAsync(record, cancellationToken).ConfigureAwait(false);
        await Projection.ProjectNewAsync(record, cancellationToken).ConfigureAwait(false);
        await Dashboard.ApplyAsync(record, 1, cancellationToken).ConfigureAwait(false);
        return true;
    }

    public async Task<ComplaintRecord?> GetAsync(string trackingNumber, CancellationToken cancellationToken)
    {
        var row = await ReadAsync(trackingNumber, cancellationToken).ConfigureAwait(false);
        return row is null ? null : ComplaintEntity.ToRecord(row);
    }

    public async Task<ComplaintRecord> UpdateAsync(string trackingNumber, Func<ComplaintRecord, ComplaintRecord> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        for (var attempt = 1; attempt <= MaxUpdateAttempts; attempt++)
        {
            var row = await ReadAsync(trackingNumber, cancellationToken).ConfigureAwait(false)
                ?? throw new KeyNotFoundException($"No case '{trackingNumber}'.");
            var current = ComplaintEntity.ToRecord(row);
            var updated = change(current);
            var entity = ComplaintEntity.From(updated);
            entity.PartitionKey = row.PartitionKey;
            entity.RowKey = row.RowKey;
            var version = VersionOf(row) + 1;
            entity[VersionColumn] = version;
            try
            {
                await _complaints.UpdateEntityAsync(entity, row.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            }
            catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.PreconditionFailed)
            {
                // Someone else wrote between our read and write: back off a little, with jitter, and redo the change.
                await Task.Delay(Random.Shared.Next(5, 20 * attempt), cancellationToken).ConfigureAwait(false);
                continue;
            }

            await ReindexAsync(current, updated, cancellationToken).ConfigureAwait(false);
            await ProjectAsync(updated, version, cancellationToken).ConfigureAwait(false);
            await Dashboard.ApplyAsync(updated, version, cancellationToken).ConfigureAwait(false);
            return updated;
        }

        throw new InvalidOperationException(
            $"Case '{trackingNumber}' was changed concurrently {MaxUpdateAttempts} times in a row; the update was not applied.");
    }

    public async Task<IReadOnlyList<ComplaintRecord>> QueryAsync(CaseQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var records = new List<ComplaintRecord>();
        await foreach (var row in _complaints.QueryAsync<TableEntity>(ComplaintFilter.For(query), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            records.Add(ComplaintEntity.ToRecord(row));
        }

        return [.. query.Apply(records)];
    }

    public async Task<int> CountRecentByCustomerAsync(Customer customer, DateTime sinceUtc, string excludeTrackingNumber, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(customer);
        var excluded = string.IsNullOrEmpty(excludeTrackingNumber) ? null : TableKeys.Escape(excludeTrackingNumber);
        var since = ComplaintEntity.AsUtc(sinceUtc)!.Value;
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var partition in TableKeys.CustomerPartitions(customer))
        {
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and ReceivedAtUtc ge {since}");
            await foreach (var row in _customerIndex.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                if (row.RowKey != excluded)
                {
                    found.Add(row.RowKey);
                }
            }
        }

        return found.Count;
    }

    public async Task<IReadOnlyList<ComplaintRecord>> ListExpiredAsync(DateTime nowUtc, int take, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(take);
        var now = ComplaintEntity.AsUtc(nowUtc)!.Value;

        // A scan with a server-side filter: rows without RetainUntilUtc (open cases) do not match the comparison.
        var filter = TableClient.CreateQueryFilter($"Stage eq {ComplaintEntity.WireName(CaseStage.Archived)} and LegalHold eq false and RetainUntilUtc le {now}");
        var records = new List<ComplaintRecord>(Math.Min(take, 1000));
        await foreach (var row in _complaints.QueryAsync<TableEntity>(filter, maxPerPage: Math.Min(take, 1000), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (row.GetDateTimeOffset("ClosedAtUtc") is null)
            {
                continue;
            }

            records.Add(ComplaintEntity.ToRecord(row));
            if (records.Count == take)
            {
                break;
            }
        }

        return records;
    }

    public async Task<bool> DeleteAsync(string trackingNumber, CancellationToken cancellationToken)
    {
        var row = await ReadAsync(trackingNumber, cancellationToken).ConfigureAwait(false);
        if (row is null)
        {
            return false;
        }

        // The index and projection rows go first: a crash in between leaves the record, and deleting it again finishes the job.
        var record = ComplaintEntity.ToRecord(row);
        await Projection.RemoveAsync(trackingNumber, cancellationToken).ConfigureAwait(false);
        await Dashboard.RemoveAsync(record, cancellationToken).ConfigureAwait(false);
        foreach (var partition in TableKeys.CustomerPartitions(record.Details.Customer))
        {
            await _customerIndex.DeleteEntityAsync(partition, row.RowKey, ETag.All, cancellationToken).ConfigureAwait(false);
        }

        var response = await _complaints.DeleteEntityAsync(row.PartitionKey, row.RowKey, ETag.All, cancellationToken).ConfigureAwait(false);
        return response.Status != (int)HttpStatusCode.NotFound;
    }

    // Rows written before versions existed count as version 0.
    private static long VersionOf(TableEntity row) => row.GetInt64(VersionColumn) ?? 0;

    private async Task<TableEntity?> ReadAsync(string trackingNumber, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(trackingNumber);
        var response = await _complaints.GetEntityIfExistsAsync<TableEntity>(
            TableKeys.ComplaintPartition(trackingNumber), TableKeys.Escape(trackingNumber), cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue ? response.Value : null;
    }

    private async Task IndexAsync(ComplaintRecord record, CancellationToken cancellationToken)
    {
        foreach (var row in IndexRows(record))
        {
            await _customerIndex.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        }
    }

    private static IEnumerable<TableEntity> IndexRows(ComplaintRecord record) =>
        TableKeys.CustomerPartitions(record.Details.Customer).Select(partition => new TableEntity(partition, TableKeys.Escape(record.TrackingNumber))
        {
            ["ReceivedAtUtc"] = ComplaintEntity.AsUtc(record.Details.ReceivedAtUtc),
        });

    // An update may correct the customer's contact details; the index follows so counts match the records.
    private async Task ReindexAsync(ComplaintRecord before, ComplaintRecord after, CancellationToken cancellationToken)
    {
        var old = TableKeys.CustomerPartitions(before.Details.Customer);
        var now = TableKeys.CustomerPartitions(after.Details.Customer);
        if (old.SequenceEqual(now) && before.Details.ReceivedAtUtc == after.Details.ReceivedAtUtc)
        {
            return;
        }

        await IndexAsync(after, cancellationToken).ConfigureAwait(false);
        foreach (var partition in old.Except(now))
        {
            await _customerIndex.DeleteEntityAsync(partition, TableKeys.Escape(before.TrackingNumber), ETag.All, cancellationToken).ConfigureAwait(false);
        }
    }
}
