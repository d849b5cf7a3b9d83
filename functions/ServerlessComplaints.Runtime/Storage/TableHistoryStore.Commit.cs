using Azure;
using Azure.Data.Tables;

namespace ServerlessComplaints.Runtime.Storage;

/// <summary>The commit of one orchestration step: one ETag-checked, same-partition transaction.</summary>
public sealed partial class TableHistoryStore
{
    public async Task CommitAsync(EpisodeCommit commit, CancellationToken cancellationToken)
    {
        var instanceId = commit.Instance.InstanceId;
        if (commit.Instance.Version != commit.ExpectedVersion)
        {
            throw new ConcurrencyConflictException(
                $"Instance '{instanceId}' was read at version {commit.Instance.Version}, but the commit expects version {commit.ExpectedVersion}.");
        }

        var etag = commit.Instance.ETag is { } tag ? new ETag(tag) : await ReadETagAsync(instanceId, commit.ExpectedVersion, cancellationToken);
        var version = commit.ExpectedVersion + 1;
        var actions = new List<TableTransactionAction>
        {
            new(TableTransactionActionType.UpdateReplace, HistoryRows.Instance(commit.Instance, version), etag),
        };
        if (commit.NewHistory.Count > 0)
        {
            actions.Add(new(TableTransactionActionType.Add, HistoryRows.Episode(instanceId, version, commit.NewHistory)));
        }

        actions.AddRange((await ConsumedInboxKeysAsync(commit, cancellationToken)).Select(key => Delete(instanceId, key)));

        // Timers and work are upserted: a row both dropped and re-added in one step is simply rewritten.
        var added = commit.NewTimers.Select(HistoryRows.Timer).Concat(commit.NewActivities.Select(HistoryRows.Activity)).ToList();
        var rewritten = added.Select(row => row.RowKey).ToHashSet(StringComparer.Ordinal);
        var removed = commit.DropAllWork ? await WorkKeysAsync(instanceId, cancellationToken) : [.. commit.RemovedTimers.Select(HistoryRowKeys.Timer)];
        actions.AddRange(removed.Distinct().Where(key => !rewritten.Contains(key)).Select(key => Delete(instanceId, key)));
        actions.AddRange(added.Select(row => new TableTransactionAction(TableTransactionActionType.UpsertReplace, row)));

        // Over 100 operations a step cannot be one transaction: the overflow (new timers and work first, then deletes)
        // goes in earlier batches, the ETag-checked instance row, history row and inbox deletes always in the last one;
        // a conflict or crash in between leaves those earlier rows applied without the step (a retried step rewrites them).
        foreach (var early in actions.Skip(MaxBatch).Chunk(MaxBatch))
        {
            await SubmitAsync(early, cancellationToken);
        }

        try
        {
            var newETag = await SubmitAsync([.. actions.Take(MaxBatch)], cancellationToken);
            RememberCommit(commit, version, newETag);
        }
        catch (TableTransactionFailedException ex) when (ex.Status == 412)
        {
            Forget(instanceId);
            throw new ConcurrencyConflictException($"Instance '{instanceId}' changed since it was read (version {commit.ExpectedVersion}).", ex);
        }
        catch (TableTransactionFailedException ex) when (ex.Status == 404 && ex.FailedTransactionActionIndex == 0)
        {
            Forget(instanceId);
            throw new KeyNotFoundException($"No instance '{instanceId}'.", ex);
        }
        catch
        {
            Forget(instanceId);
            throw;
        }
    }

    /// <summary>
    /// Submits one batch; a delete of a row that is already gone is dropped and the rest resubmitted, as in memory.
    /// Returns the new ETag of the batch's first row.
    /// </summary>
    private async Task<string?> SubmitAsync(IList<TableTransactionAction> batch, CancellationToken cancellationToken)
    {
        var pending = batch.ToList();
        while (pending.Count > 0)
        {
            try
            {
                var responses = await _table.SubmitTransactionAsync(pending, cancellationToken);
                return responses.Value.Count > 0 && responses.Value[0].Headers.ETag is { } tag ? tag.ToString() : null;
            }
            catch (TableTransactionFailedException ex) when (
                ex.Status == 404
                && ex.FailedTransactionActionIndex is { } index
                && index < pending.Count
                && pending[index].ActionType == TableTransactionActionType.Delete)
            {
                pending.RemoveAt(index);
            }
        }

        return null;
    }

    private async Task<ETag> ReadETagAsync(string instanceId, long expectedVersion, CancellationToken cancellationToken)
    {
        var row = await _table.GetEntityIfExistsAsync<TableEntity>(instanceId, HistoryRowKeys.Instance, ["Version"], cancellationToken);
        if (!row.HasValue)
        {
            throw new KeyNotFoundException($"No instance '{instanceId}'.");
        }

        var stored = row.Value!.GetInt64("Version") ?? 0;
        return stored == expectedVersion
            ? row.Value.ETag
            : throw new ConcurrencyConflictException($"Instance '{instanceId}' is at version {stored}, not {expectedVersion}.");
    }

    private async Task<IReadOnlyList<string>> ConsumedInboxKeysAsync(EpisodeCommit commit, CancellationToken cancellationToken)
    {
        if (commit.ConsumedInboxKeys.Count == commit.InboxConsumed)
        {
            return commit.ConsumedInboxKeys;
        }

        if (commit.ConsumedInboxKeys.Count > 0)
        {
            throw new ArgumentException(
                $"The commit names {commit.ConsumedInboxKeys.Count} inbox keys but consumes {commit.InboxConsumed} events.", nameof(commit));
        }

        // No keys (a snapshot from elsewhere): consume the oldest events, as the in-memory store does.
        var keys = new List<string>();
        await foreach (var row in QueryPartitionAsync(commit.Instance.InstanceId, HistoryRowKeys.InboxRange, KeysOnly, cancellationToken))
        {
            if (keys.Count == commit.InboxConsumed)
            {
                break;
            }

            keys.Add(row.RowKey);
        }

        return keys.Count == commit.InboxConsumed
            ? keys
            : throw new ArgumentException($"The commit consumes {commit.InboxConsumed} inbox events but only {keys.Count} are waiting.", nameof(commit));
    }

    private async Task<List<string>> WorkKeysAsync(string instanceId, CancellationToken cancellationToken)
    {
        var (timers, work) = (HistoryRowKeys.TimerRange, HistoryRowKeys.ActivityRange);
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {instanceId} and ((RowKey ge {timers.From} and RowKey lt {timers.To}) or (RowKey ge {work.From} and RowKey lt {work.To}))");
        var keys = new List<string>();
        await foreach (var row in Query(filter, KeysOnly, cancellationToken))
        {
            keys.Add(row.RowKey);
        }

        return keys;
    }
}
