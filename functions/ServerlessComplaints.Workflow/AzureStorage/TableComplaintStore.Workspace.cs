using Azure.Data.Tables;
using ServerlessComplaints.Workflow.Cases;
using ServerlessComplaints.Workflow.Domain;
using ServerlessComplaints.Workflow.Workspace;

namespace ServerlessComplaints.Workflow.AzureStorage;

// The staff workspace's side of the store: bulk adds, the customer's other cases, and reading and repairing projections.
public sealed partial class TableComplaintStore
{
    /// <summary>
    /// Adds many new records at once (an import, a benchmark's seed): records, customer index and projections are
    /// written in transactions of up to 100 rows per partition. A record whose tracking number exists already is left
    /// as it is; returns how many were added.
    /// </summary>
    public async Task<int> AddManyAsync(IEnumerable<ComplaintRecord> records, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        var distinct = records.DistinctBy(r => r.TrackingNumber, StringComparer.Ordinal).ToList();
        var existing = await TableBatches.AddAsync(_complaints, distinct.Select(r =>
        {
            var entity = ComplaintEntity.From(r);
            entity[VersionColumn] = 1L;
            return entity;
        }), cancellationToken).ConfigureAwait(false);
        var added = distinct.Where(r => !existing.Contains(TableKeys.Escape(r.TrackingNumber))).ToList();
        await TableBatches.WriteAsync(_customerIndex, added.SelectMany(IndexRows), [], cancellationToken).ConfigureAwait(false);
        await Projection.ProjectNewManyAsync(added, cancellationToken).ConfigureAwait(false);
        await Dashboard.ApplyManyAsync(added.Select(r => (r, 1L)), cancellationToken).ConfigureAwait(false);
        return added.Count;
    }

    public async Task<IReadOnlyList<CustomerCase>> ListOtherCasesAsync(Customer customer, string excludeTrackingNumber, int take, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(customer);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(take);
        var excluded = string.IsNullOrEmpty(excludeTrackingNumber) ? null : TableKeys.Escape(excludeTrackingNumber);
        var received = new Dictionary<string, DateTime>(StringComparer.Ordinal);
        foreach (var partition in TableKeys.CustomerPartitions(customer))
        {
            // Bounded: a customer with more indexed cases than this shows the first ones read.
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition}");
            var read = 0;
            await foreach (var row in _customerIndex.QueryAsync<TableEntity>(filter, maxPerPage: MaxCustomerIndexRows, select: ["RowKey", "ReceivedAtUtc"], cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                if (row.RowKey != excluded)
                {
                    received[row.RowKey] = row.GetDateTimeOffset("ReceivedAtUtc")?.UtcDateTime ?? DateTime.MinValue;
                }

                if (++read == MaxCustomerIndexRows)
                {
                    break;
                }
            }
        }

        var newest = received.OrderByDescending(r => r.Value).ThenBy(r => r.Key, StringComparer.Ordinal).Take(take).ToList();
        var cases = await Task.WhenAll(newest.Select(async r =>
        {
            var row = await _complaints.GetEntityIfExistsAsync<TableEntity>(TableKeys.ComplaintPartition(r.Key), r.Key, ["Stage"], cancellationToken).ConfigureAwait(false);
            return row.HasValue
                ? new CustomerCase(r.Key, r.Value, QueueEntities.Stage(row.Value!.GetString("Stage")))
                : null;
        })).ConfigureAwait(false);
        return [.. cases.OfType<CustomerCase>()];
    }

    /// <summary>The queue's view of one case from its complaint row's columns (one point read); null when there is no such case.</summary>
    internal async Task<QueueCase?> ReadQueueCaseAsync(string trackingNumber, CancellationToken cancellationToken)
    {
        var response = await _complaints.GetEntityIfExistsAsync<TableEntity>(
            TableKeys.ComplaintPartition(trackingNumber), TableKeys.Escape(trackingNumber), QueueEntities.ComplaintColumns, cancellationToken).ConfigureAwait(false);
        if (!response.HasValue)
        {
            return null;
        }

        // A row written before the queue's columns existed: read the record itself.
        return QueueEntities.FromComplaintRow(response.Value!, trackingNumber)
            ?? (await ReadAsync(trackingNumber, cancellationToken).ConfigureAwait(false) is { } row ? QueueCase.Of(ComplaintEntity.ToRecord(row), VersionOf(row)) : null);
    }

    /// <summary>
    /// Projects the case as it is stored now, or removes its projection when it is gone (a repair after a race or a
    /// crash); <paramref name="force"/> rewrites every row even where the projection's state says it is written.
    /// </summary>
    internal async Task ReprojectAsync(string trackingNumber, CancellationToken cancellationToken, bool force = false)
    {
        for (var attempt = 1; attempt <= MaxProjectionAttempts; attempt++)
        {
            if (await ReadAsync(trackingNumber, cancellationToken).ConfigureAwait(false) is not { } row)
            {
                await Projection.RemoveAsync(trackingNumber, cancellationToken).ConfigureAwait(false);
                return;
            }

            if (await Projection.ProjectAsync(ComplaintEntity.ToRecord(row), VersionOf(row), force, cancellationToken).ConfigureAwait(false))
            {
                return;
            }
        }
    }

    /// <summary>Projects every stored record (one scan), then marks the projection complete; returns the number of records.</summary>
    internal async Task<int> RebuildProjectionAsync(CancellationToken cancellationToken)
    {
        var count = 0;
        var options = new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(_complaints.QueryAsync<TableEntity>(cancellationToken: cancellationToken), options, async (row, ct) =>
        {
            await ProjectAsync(ComplaintEntity.ToRecord(row), VersionOf(row), ct).ConfigureAwait(false);
            Interlocked.Increment(ref count);
        }).ConfigureAwait(false);
        await Projection.WriteMarkerAsync(cancellationToken).ConfigureAwait(false);
        return count;
    }

    /// <summary>
    /// Recomputes the dashboard's aggregates from every stored record (one scan): clears the table, writes the sums,
    /// then marks it complete; returns the number of records. Meant for existing data or a repair: a case written while
    /// it runs may show its previous state until its next write.
    /// </summary>
    internal async Task<int> RebuildDashboardAsync(CancellationToken cancellationToken)
    {
        var records = new List<(ComplaintRecord, long)>();
        await foreach (var row in _complaints.QueryAsync<TableEntity>(cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            records.Add((ComplaintEntity.ToRecord(row), VersionOf(row)));
        }

        await Dashboard.ClearAsync(cancellationToken).ConfigureAwait(false);
        await Dashboard.SeedAsync(records, cancellationToken).ConfigureAwait(false);
        await Dashboard.WriteMarkerAsync(cancellationToken).ConfigureAwait(false);
        return records.Count;
    }

    private async Task ProjectAsync(ComplaintRecord record, long version, CancellationToken cancellationToken)
    {
        // A concurrent writer of the same case interfered: project what is stored now instead.
        if (!await Projection.ProjectAsync(record, version, force: false, cancellationToken).ConfigureAwait(false))
        {
            await ReprojectAsync(record.TrackingNumber, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<bool> AnyRecordAsync(CancellationToken cancellationToken)
    {
        await foreach (var page in _complaints.QueryAsync<TableEntity>(maxPerPage: 1, select: ["RowKey"], cancellationToken: cancellationToken).AsPages().ConfigureAwait(false))
        {
            if (page.Values.Count > 0)
            {
                return true;
            }

            if (page.ContinuationToken is null)
            {
                break;
            }
        }

        return false;
    }
}
