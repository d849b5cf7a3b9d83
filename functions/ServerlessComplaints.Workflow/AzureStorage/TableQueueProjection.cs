using System.Net;
using Azure;
using Azure.Data.Tables;
using ServerlessComplaints.Workflow.Cases;
using ServerlessComplaints.Workflow.Workspace;

namespace ServerlessComplaints.Workflow.AzureStorage;

/// <summary>
/// Writes the staff queue's projections of a case: its rows in <c>{prefix}StaffQueue</c> (see <see cref="QueueEntities"/>)
/// and its search postings in <c>{prefix}SearchTerms</c> (partition: one of <see cref="TermBuckets"/> buckets of the term;
/// row key: <c>{term}|{inverted receipt ticks}|{tracking}</c>, so a term's postings are one range read, newest first).
/// </summary>
/// <remarks>
/// Every write makes the projection equal to one record state: rows are upserted whole, never incremented, so an
/// activity retried after a crash writes the same rows again. A <see cref="ProjectionState"/> row per case carries the
/// record version shown and every row written; a writer holding an older version than the state's stops, one with a
/// newer version first records old ∪ new rows (so a crash leaves no unknown row), then writes, then deletes what the
/// new state no longer has. Writers that still race (two updates projecting at once) are caught by the reader, which
/// checks each row of a page against the record itself (see <see cref="TableStaffQueue"/>).
/// </remarks>
internal sealed class TableQueueProjection(TableServiceClient client, string tablePrefix)
{
    public const int TermBuckets = 16;

    private const int MaxAttempts = 5;
    private const int MaxTransactionSize = 100;
    private const string MarkerPartition = "marker";
    private const string MarkerRow = "projection-v1";

    public TableClient Queue { get; } = client.GetTableClient(tablePrefix + "StaffQueue");

    public TableClient Terms { get; } = client.GetTableClient(tablePrefix + "SearchTerms");

    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        await Queue.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
        await Terms.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The bucket partition of a search term (FNV-1a: the same in every process, unlike string hash codes).</summary>
    public static string Bucket(string term)
    {
        var hash = 2166136261u;
        foreach (var c in term)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return "s" + (hash % TermBuckets).ToString("D2", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>True once every record has been projected (a rebuild finished, or the store started empty).</summary>
    public async Task<bool> HasMarkerAsync(CancellationToken cancellationToken) =>
        (await Queue.GetEntityIfExistsAsync<TableEntity>(MarkerPartition, MarkerRow, ["PartitionKey"], cancellationToken).ConfigureAwait(false)).HasValue;

    public Task WriteMarkerAsync(CancellationToken cancellationToken) =>
        Queue.UpsertEntityAsync(new TableEntity(MarkerPartition, MarkerRow) { ["WrittenAtUtc"] = DateTimeOffset.UtcNow }, TableUpdateMode.Replace, cancellationToken);

    /// <summary>
    /// Makes the projection show <paramref name="record"/> at <paramref name="version"/>; false when another writer
    /// changed the case's state meanwhile, and the caller should project a fresh read of the record.
    /// </summary>
    public async Task<bool> ProjectAsync(ComplaintRecord record, long version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var trackingNumber = record.TrackingNumber;
        var rows = QueueEntities.Rows(QueueCase.Of(record, version));
        var keys = rows.Select(r => ProjectionState.Key(r.PartitionKey, r.RowKey)).ToHashSet(StringComparer.Ordinal);
        var receivedKey = QueueEntities.InvertedTicks(QueueCase.Of(record, version).ReceivedAtUtc);
        var postings = SearchTerms.Of(record).Select(term => term + "|" + receivedKey).ToHashSet(StringComparer.Ordinal);
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var state = await ReadStateAsync(trackingNumber, cancellationToken).ConfigureAwait(false);
            if (state is not null && (state.Version > version
                || (state.Settled && state.Version == version && state.QueueKeys.SetEquals(keys) && state.Postings.SetEquals(postings))))
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

            await UpsertAsync(Queue, rows, cancellationToken).ConfigureAwait(false);

            // After a settled state its postings are exactly what is stored; after a crash they may only have been planned.
            var newPostings = state is { Settled: true } ? postings.Except(state.Postings) : postings;
            await UpsertAsync(Terms, newPostings.Select(p => Posting(p, trackingNumber)), cancellationToken).ConfigureAwait(false);
            if (state is not null)
            {
                await DeleteAsync(Queue, state.QueueKeys.Except(keys).Select(ProjectionState.Split), cancellationToken).ConfigureAwait(false);
                await DeleteAsync(Terms, state.Postings.Except(postings).Select(p => PostingKey(p, trackingNumber)), cancellationToken).ConfigureAwait(false);
            }

            var settled = new ProjectionState(version, true, keys, postings, ETag.All);
            return await TryWriteStateAsync(trackingNumber, settled, pendingTag, cancellationToken).ConfigureAwait(false) is not null;
        }

        return false;
    }

    /// <summary>Deletes every queue row and posting of the case, then its state row.</summary>
    public async Task RemoveAsync(string trackingNumber, CancellationToken cancellationToken)
    {
        if (await ReadStateAsync(trackingNumber, cancellationToken).ConfigureAwait(false) is not { } state)
        {
            return;
        }

        await DeleteAsync(Queue, state.QueueKeys.Select(ProjectionState.Split), cancellationToken).ConfigureAwait(false);
        await DeleteAsync(Terms, state.Postings.Select(p => PostingKey(p, trackingNumber)), cancellationToken).ConfigureAwait(false);
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

    private static (string PartitionKey, string RowKey) PostingKey(string posting, string trackingNumber) =>
        (Bucket(posting[..posting.IndexOf('|', StringComparison.Ordinal)]), posting + "|" + TableKeys.Escape(trackingNumber));

    private static HashSet<string> Union(IReadOnlySet<string>? before, HashSet<string> now) =>
        before is null ? new(now, StringComparer.Ordinal) : new(before.Concat(now), StringComparer.Ordinal);

    private static async Task UpsertAsync(TableClient table, IEnumerable<TableEntity> rows, CancellationToken cancellationToken)
    {
        var batches = rows.GroupBy(r => r.PartitionKey, StringComparer.Ordinal).SelectMany(g => g.Chunk(MaxTransactionSize));
        await Parallel.ForEachAsync(batches, cancellationToken, async (batch, ct) => await table.SubmitTransactionAsync(
            batch.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, r)), ct).ConfigureAwait(false)).ConfigureAwait(false);
    }

    private static async Task DeleteAsync(TableClient table, IEnumerable<(string PartitionKey, string RowKey)> keys, CancellationToken cancellationToken)
    {
        var batches = keys.GroupBy(k => k.PartitionKey, StringComparer.Ordinal).SelectMany(g => g.Chunk(MaxTransactionSize));
        await Parallel.ForEachAsync(batches, cancellationToken, async (batch, ct) =>
        {
            try
            {
                await table.SubmitTransactionAsync(
                    batch.Select(k => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(k.PartitionKey, k.RowKey))), ct).ConfigureAwait(false);
            }
            catch (TableTransactionFailedException)
            {
                // A row already gone fails the whole batch: single deletes ignore a missing row.
                foreach (var (partition, row) in batch)
                {
                    await table.DeleteEntityAsync(partition, row, ETag.All, ct).ConfigureAwait(false);
                }
            }
        }).ConfigureAwait(false);
    }
}
