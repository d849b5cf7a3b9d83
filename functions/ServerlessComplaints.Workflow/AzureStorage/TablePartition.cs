using Azure.Data.Tables;

namespace ServerlessComplaints.Workflow.AzureStorage;

/// <summary>Deletes a whole table partition in same-partition transactions of at most 100 rows.</summary>
internal static class TablePartition
{
    private const int MaxTransactionSize = 100;

    public static async Task<int> DeleteAsync(TableClient table, string partitionKey, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey}");
        var rowKeys = new List<string>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            rowKeys.Add(row.RowKey);
        }

        foreach (var chunk in rowKeys.Chunk(MaxTransactionSize))
        {
            var actions = chunk.Select(rowKey => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(partitionKey, rowKey))).ToList();
            try
            {
                await table.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
            }
            catch (TableTransactionFailedException)
            {
                // A row deleted meanwhile fails the whole batch: fall back to single deletes, which ignore a missing row.
                foreach (var rowKey in chunk)
                {
                    await table.DeleteEntityAsync(partitionKey, rowKey, Azure.ETag.All, cancellationToken).ConfigureAwait(false);
                }
            }
        }

        return rowKeys.Count;
    }
}
