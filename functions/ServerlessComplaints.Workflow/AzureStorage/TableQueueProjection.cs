using System.Net;
using Azure;
using Azure.Data.Tables;
using ServerlessComplaints.Workflow.Cases;
using ServerlessComplaints.Workflow.Workspace;

namespace ServerlessComplaints.Workflow.AzureStorage;

/// <summary>
/// Writes the staff queue's projections of a case: its rows in <c>{prefix}StaffQueue</c> (see <see cref="QueueEntities"/>)
/// and its search postings in <c>{prefix}SearchTerms</c> (see <see cref="PostingAddress"/>; row key ending
/// <c>{inverted receipt ticks}|{tracking}</c>, so a term's postings are one range read, newest first). A new case costs
/// a transaction per scope partition for its queue rows, about a write per distinct word and one state row;
/// <see cref="ProjectNewManyAsync"/> projects many new cases in transactions of up to 100 rows per partition.
/// </summary>
/// <remarks>
/// Every write makes the projection equal to one record state: rows are upserted whole, never incremented, so an
/// activity retried after a crash writes the same rows again. A <see cref="ProjectionState"/> row per case carries the
/// record version shown and every row written; a writer holding an older version than the state's stops, one with a
/// newer version first records old ∪ new rows (so a crash leaves no unknown row), then writes, then deletes what the
/// new state no longer has (queue rows of one partition are replaced in the same transaction). A new case's first
/// projection writes its rows before its state: a crash between leaves rows of exactly the state a retry writes again.
/// Writers that still race (two updates projecting at once) are caught by the reader, which checks each row of a page
/// against the record itself and repairs it (see <see cref="TableStaffQueue"/>).
/// </remarks>
internal sealed class TableQueueProjection(TableServiceClient client, string tablePrefix)
{

    private const int MaxAttempts = 5;
    private const string MarkerPartition = "marker";
    private const string MarkerRow = "projection-v1";

    public TableClient Queue { get; } = client.GetTableClient(tablePrefix + "StaffQueue");

    public TableClient Terms { get; } = client.GetTableClient(tablePrefix + "SearchTerms");

    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        await Queue.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
        await Terms.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Where a term's postings live: a word has a partition of its own; a hashed term (customer details, tracking
    /// number: one case or a few each) shares one of 256 partitions per kind with others, its hash leading the row key,
    /// so that many cases' postings can be written in one transaction.
    /// </summary>
    public static (string Partition, string RowPrefix) PostingAddress(string term) =>
        term.StartsWith("w:", StringComparison.Ordinal)
            ? (TableKeys.Escape(term), "")
            : (term[..4], term[2..] + "|");

    /// <summary>True once every record has been projected (a rebuild finished, or the store started empty).</summary>
    public async Task<bool> HasMarkerAsync(CancellationToken cancellationToken) =>
        (await Queue.GetEntityIfExistsAsync<TableEntity>(MarkerPartition, MarkerRow, ["PartitionKey"], cancellationToken).ConfigureAwait(false)).HasValue;

    public Task WriteMarkerAsync(CancellationToken cancellationToken) =>
        Queue.UpsertEntityAsync(new TableEntity(MarkerPartition, MarkerRow) { ["WrittenAtUtc"] = DateTimeOffset.UtcNow }, TableUpdateMode.Replace, cancellationToken);

    /// <summary>The first projection of a case just added (version 1): rows and postings, then the state.</summary>
    public async Task ProjectNewAsync(ComplaintRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var planned = Plan(record, 1);
        await TableBatches.WriteAsync(Queue, planned.Rows, [], cancellationToken).ConfigureAwait(false);
        await TableBatches.WriteAsync(Terms, planned.Postings.Select(p => Posting(p, record.TrackingNumber)), [], cancellationToken).ConfigureAwait(false);
        var state = new ProjectionState(1, true, planned.Keys, planned.Postings, ETag.All);
        if (await TryWriteStateAsync(record.TrackingNumber, state, null, cancellationToken).ConfigureAwait(false) is null)
        {
            // Someone projected the case already (an update racing the add): settle it the careful way.
            await ProjectAsync(record, 1, force: false, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The first projections of many cases just added (version 1), written partition by partition.</summary>
    public async Task ProjectNewManyAsync(IReadOnlyCollection<ComplaintRecord> records, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        var planned = records.Select(r => (Record: r, Plan: Plan(r, 1))).ToList();
        await TableBatches.WriteAsync(Queue, planned.SelectMany(p => p.Plan.Rows), [], cancellationToken).ConfigureAwait(false);
        await TableBatches.WriteAsync(Terms, planned.SelectMany(p => p.Plan.Postings.Select(posting => Posting(posting, p.Record.TrackingNumber))), [], cancellationToken).ConfigureAwait(false);
        var states = planned.Select(p => new ProjectionState(1, true, p.Plan.Keys, p.Plan.Postings, ETag.All).ToEntity(p.Record.TrackingNumber));
        var clashes = await TableBatches.AddAsync(Queue, states, cancellationToken).ConfigureAwait(false);

        // A state that exists already (an update raced the import): settle those cases the careful way.
        foreach (var (record, _) in planned.Where(p => clashes.Contains(TableKeys.Escape(p.Record.TrackingNumber))))
        {
            await ProjectAsync(record, 1, force: false, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Makes the projection show <paramref name="record"/> at <paramref name="version"/>; false when another writer
    /// changed the case's state meanwhile, and the caller should project a fresh read of the record.
    /// <paramref name="force"/> rewrites every row even when the state says they are written (a repair).
    /// </summary>
    public async Task<bool> ProjectAsync(ComplaintRecord record, long version, bool force, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var trackingNumber = record.TrackingNumber;
        var (rows, keys, postings) = Plan(record, version);
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var state = await ReadStateAsync(trackingNumber, cancellationToken).ConfigureAwait(false);
            if (state is not null && (state.Version > version
                || (!force && state.Settled && state.Version == version && state.QueueKeys.SetEquals(keys) && state.Postings.SetEquals(postings))))
            {
                // A newer state is shown already, or this very one (an activity's retry): nothing to write.
                return true;
            }

            var pending = new ProjectionState(
                version, false, Union(state?.QueueKeys, keys), Union(state?.Postings, postings), ETag.All);
            if (await TryWriteStateAsync(trackingNumber, pending, state?.ETag, cancellationToken).ConfigureAwait(false) is not { } pendingTag)
            {
                continue;
            }

            // After a settled state its postings are exactly what is stored; after a crash they may only have been planned.
            var oldKeys = state?.QueueKeys.Except(keys).Select(ProjectionState.Split) ?? [];
            await TableBatches.WriteAsync(Queue, rows, oldKeys, cancellationToken).ConfigureAwait(false);
            var newPostings = state is { Settled: true } && !force ? postings.Except(state.Postings) : postings;
            var oldPostings = state?.Postings.Except(postings).Select(p => PostingKey(p, trackingNumber)) ?? [];
            await TableBatches.WriteAsync(Terms, newPostings.Select(p => Posting(p, trackingNumber)), oldPostings, cancellationToken).ConfigureAwait(false);

            var settled = new ProjectionState(version, true, keys, postings, ETag.All);
            return await TryWriteStateAsync(trackingNumber, settled, pendingTag, cancellationToken).ConfigureAwait(false) is not null;
        }

        return false;
    }

    /// <summary>Deletes one queue row that is not what its record says (found by a reader); a forced projection follows.</summary>
    public Task DeleteRowAsync(string partitionKey, string rowKey, CancellationToken cancellationToken) =>
        Queue.DeleteEntityAsync(partitionKey, rowKey, ETag.All, cancellationToken);

    /// <summary>Deletes every queue row and posting of the case, then its state row.</summary>
    public async Task RemoveAsync(string trackingNumber, CancellationToken cancellationToken)
    {
        if (await ReadStateAsync(trackingNumber, cancellationToken).ConfigureAwait(false) is not { } state)
        {
            return;
        }

        await TableBatches.WriteAsync(Queue, [], state.QueueKeys.Select(ProjectionState.Split), cancellationToken).ConfigureAwait(false);
        await TableBatches.WriteAsync(Terms, [], state.Postings.Select(p => PostingKey(p, trackingNumber)), cancellationToken).ConfigureAwait(false);
        await Queue.DeleteEntityAsync(ProjectionState.Partition(trackingNumber), TableKeys.Escape(trackingNumber), ETag.All, cancellationToken).ConfigureAwait(false);
    }

    private async Task<ProjectionState?> ReadStateAsync(string trackingNumber, CancellationToken cancellationToken)
    {
        var response = await Queue.GetEntityIfExistsAsync<TableEntity>(
            ProjectionState.Partition(trackingNumber), TableKeys.Escape(trackingNumber), cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue ? ProjectionState.From(response.Value!) : null;
    }

    // Adds the state when there was none, else replaces exactly the version read; null when someone else got there first.
    private async Task<ETag?> TryWriteStateAsync(string trackingNumber, ProjectionState state, ETag? expected, CancellationToken cancellationToken)
    {
        var entity = state.ToEntity(trackingNumber);
        try
        {
            var response = expected is { } tag
                ? await Queue.UpdateEntityAsync(entity, tag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false)
                : await Queue.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
            return response.Headers.ETag;
        }
        catch (RequestFailedException e) when (e.Status is (int)HttpStatusCode.PreconditionFailed or (int)HttpStatusCode.Conflict)
        {
            return null;
        }
    }

    private static TableEntity Posting(string posting, string trackingNumber)
    {
        var (partition, row) = PostingKey(posting, trackingNumber);
        return new TableEntity(partition, row);
    }

    // A posting is "{term}|{inverted receipt ticks}" (terms hold no '|').
    private static (string PartitionKey, string RowKey) PostingKey(string posting, string trackingNumber)
    {
        var bar = posting.IndexOf('|', StringComparison.Ordinal);
        var (partition, prefix) = PostingAddress(posting[..bar]);
        return (partition, prefix + posting[(bar + 1)..] + "|" + TableKeys.Escape(trackingNumber));
    }

    private static HashSet<string> Union(IReadOnlySet<string>? before, HashSet<string> now) =>
        before is null ? new(now, StringComparer.Ordinal) : new(before.Concat(now), StringComparer.Ordinal);

    private static (IReadOnlyList<TableEntity> Rows, HashSet<string> Keys, HashSet<string> Postings) Plan(ComplaintRecord record, long version)
    {
        var queued = QueueCase.Of(record, version);
        var rows = QueueEntities.Rows(queued);
        var receivedKey = QueueEntities.InvertedTicks(queued.ReceivedAtUtc);
        return (
            rows,
            rows.Select(r => ProjectionState.Key(r.PartitionKey, r.RowKey)).ToHashSet(StringComparer.Ordinal),
            SearchTerms.Of(record).Select(term => term + "|" + receivedKey).ToHashSet(StringComparer.Ordinal));
    }
}
