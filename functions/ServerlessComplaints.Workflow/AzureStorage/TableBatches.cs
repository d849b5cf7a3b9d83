using System.Collections.Concurrent;
using System.Net;
using Azure;
using Azure.Data.Tables;

namespace ServerlessComplaints.Workflow.AzureStorage;

/// <summary>Writes many rows as entity group transactions: per partition, up to 100 operations in one request.</summary>
internal static class TableBatches
{
    private const int MaxTransactionSize = 100;
    private const int MaxParallelWrites = 8;

    /// <summary>
    /// Deletes and upserts (replacing whole rows), one transaction per partition chunk or a plain write for a single
    /// row. A delete of a row already gone fails its transaction; its rows are then written one by one (a single delete
    /// ignores a missing row).
    /// </summary>
    public static async Task WriteAsync(TableClient table, IEnumerable<TableEntity> upserts, IEnumerable<(string PartitionKey, string RowKey)> deletes, CancellationToken cancellationToken)
    {
        var actions = deletes
            .Select(k => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(k.PartitionKey, k.RowKey)))
            .Concat(upserts.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, r)));
        await Parallel.ForEachAsync(Chunks(actions), Options(cancellationToken), async (batch, ct) =>
        {
            if (batch.Length > 1)
            {
                try
                {
                    await table.SubmitTransactionAsync(batch, ct).ConfigureAwait(false);
                    return;
                }
                catch (TableTransactionFailedException)
                {
                    // Written one by one below.
                }
            }

            foreach (var action in batch)
            {
                if (action.ActionType == TableTransactionActionType.Delete)
                {
                    await table.DeleteEntityAsync(action.Entity.PartitionKey, action.Entity.RowKey, ETag.All, ct).ConfigureAwait(false);
                }
                else
                {
                    await table.UpsertEntityAsync((TableEntity)action.Entity, TableUpdateMode.Replace, ct).ConfigureAwait(false);
                }
            }
        }).ConfigureAwait(false);
    }

    /// <summary>Adds rows that must not exist yet; returns the row keys that did exist (left unchanged).</summary>
    public static async Task<IReadOnlySet<string>> AddAsync(TableClient table, IEnumerable<TableEntity> rows, CancellationToken cancellationToken)
    {
        var existing = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        var actions = rows.Select(r => new TableTransactionAction(TableTransactionActionType.Add, r));
        await Parallel.ForEachAsync(Chunks(actions), Options(cancellationToken), async (batch, ct) =>
        {
            if (batch.Length > 1)
            {
                try
                {
                    await table.SubmitTransactionAsync(batch, ct).ConfigureAwait(false);
                    return;
                }
                catch (TableTransactionFailedException)
                {
                    // One row existed: the transaction wrote nothing; add them one by one.
                }
            }

            foreach (var action in batch)
            {
                try
                {
                    await table.AddEntityAsync((TableEntity)action.Entity, ct).ConfigureAwait(false);
                }
                catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.Conflict)
                {
                    existing[action.Entity.RowKey] = true;
                }
            }
        }).ConfigureAwait(false);
        return existing.Keys.ToHashSet(StringComparer.Ordinal);
    }

    private static IEnumerable<TableTransactionAction[]> Chunks(IEnumerable<TableTransactionAction> actions) =>
        actions.GroupBy(a => a.Entity.PartitionKey, StringComparer.Ordinal).SelectMany(g => g.Chunk(MaxTransactionSize));

    private static ParallelOptions Options(CancellationToken cancellationToken) =>
        new() { MaxDegreeOfParallelism = MaxParallelWrites, CancellationToken = cancellationToken };
}
