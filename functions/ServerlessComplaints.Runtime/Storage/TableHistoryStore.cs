using Azure;
using Azure.Data.Tables;
using ServerlessComplaints.Runtime.History;

namespace ServerlessComplaints.Runtime.Storage;

/// <summary>
/// The history store on Azure Tables (or Azurite): one partition per instance holding its instance row, one row per
/// committed episode, one row per inbox event and one per pending timer or activity, so that every orchestration step
/// is one same-partition transaction.
/// </summary>
public sealed partial class TableHistoryStore(TableServiceClient client, string tableName = "RuntimeHistory") : IHistoryStore
{
    private const int MaxBatch = 100;

    private static readonly string[] KeysOnly = ["PartitionKey", "RowKey"];

    private readonly TableClient _table = client.GetTableClient(tableName);

    public async Task EnsureCreatedAsync(CancellationToken cancellationToken) =>
        await _table.CreateIfNotExistsAsync(cancellationToken);

    public async Task<bool> CreateAsync(InstanceRecord instance, HistoryEvent started, CancellationToken cancellationToken)
    {
        TableTransactionAction[] batch =
        [
            new(TableTransactionActionType.Add, HistoryRows.Instance(instance, instance.Version)),
            new(TableTransactionActionType.Add, HistoryRows.Inbox(instance.InstanceId, started)),
        ];
        try
        {
            await _table.SubmitTransactionAsync(batch, cancellationToken);
            return true;
        }
        catch (TableTransactionFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }

    public async Task<InstanceRecord?> GetAsync(string instanceId, CancellationToken cancellationToken)
    {
        if (TryLoadCached(instanceId, out var cached))
        {
            return cached.Instance;
        }

        var row = await _table.GetEntityIfExistsAsync<TableEntity>(instanceId, HistoryRowKeys.Instance, cancellationToken: cancellationToken);
        return row.HasValue ? HistoryRows.ToInstance(row.Value!) : null;
    }

    public async Task<InstanceSnapshot?> LoadAsync(string instanceId, CancellationToken cancellationToken)
    {
        if (TryLoadCached(instanceId, out var cached))
        {
            return cached;
        }

        InstanceRecord? instance = null;
        var history = new List<HistoryEvent>();
        var inbox = new List<HistoryEvent>();
        var inboxKeys = new List<string>();
        await foreach (var row in QueryPartitionAsync(instanceId, HistoryRowKeys.EpisodeRange, null, cancellationToken))
        {
            if (HistoryRowKeys.IsHistory(row.RowKey))
            {
                history.AddRange(HistoryRows.EpisodeEvents(row));
            }
            else if (HistoryRowKeys.IsInbox(row.RowKey))
            {
                inbox.Add(HistoryRows.InboxEvent(row));
                inboxKeys.Add(row.RowKey);
            }
            else if (row.RowKey == HistoryRowKeys.Instance)
            {
                instance = HistoryRows.ToInstance(row);
            }
        }

        if (instance is null)
        {
            return null;
        }

        var snapshot = new InstanceSnapshot(instance, history, inbox) { InboxKeys = inboxKeys };
        Remember(snapshot);
        return snapshot;
    }

    public async Task<IReadOnlyList<HistoryEvent>> GetHistoryAsync(string instanceId, CancellationToken cancellationToken)
    {
        var history = new List<HistoryEvent>();
        await foreach (var row in QueryPartitionAsync(instanceId, HistoryRowKeys.HistoryRange, null, cancellationToken))
        {
            history.AddRange(HistoryRows.EpisodeEvents(row));
        }

        return history;
    }

    public async Task AppendInboxAsync(string instanceId, HistoryEvent e, CancellationToken cancellationToken)
    {
        // A point read keeps events for unknown instances out of the table (the in-memory store throws too).
        if (!_cache.ContainsKey(instanceId)
            && !(await _table.GetEntityIfExistsAsync<TableEntity>(instanceId, HistoryRowKeys.Instance, KeysOnly, cancellationToken)).HasValue)
        {
            throw new KeyNotFoundException($"No instance '{instanceId}'.");
        }

        var row = HistoryRows.Inbox(instanceId, e);
        await _table.AddEntityAsync(row, cancellationToken);
        RememberInbox(instanceId, row.RowKey, e);
    }

    public Task CompleteActivityAsync(PendingActivity work, HistoryEvent result, CancellationToken cancellationToken) =>
        MoveToInboxAsync(work.InstanceId, HistoryRowKeys.Activity(work.TaskId), result, cancellationToken);

    public Task FireTimerAsync(PendingTimer timer, HistoryEvent fired, CancellationToken cancellationToken) =>
        MoveToInboxAsync(timer.InstanceId, HistoryRowKeys.Timer(timer.TaskId), fired, cancellationToken);

    public async Task<IReadOnlyList<PendingTimer>> GetTimersAsync(CancellationToken cancellationToken)
    {
        var timers = new List<PendingTimer>();
        await foreach (var row in QueryTableAsync(HistoryRowKeys.TimerRange, null, cancellationToken))
        {
            timers.Add(HistoryRows.ToTimer(row));
        }

        return timers;
    }

    public async Task<IReadOnlyList<PendingActivity>> GetActivitiesAsync(CancellationToken cancellationToken)
    {
        var work = new List<PendingActivity>();
        await foreach (var row in QueryTableAsync(HistoryRowKeys.ActivityRange, null, cancellationToken))
        {
            work.Add(HistoryRows.ToActivity(row));
        }

        return work;
    }

    public async Task<IReadOnlyList<string>> GetInstancesWithInboxAsync(CancellationToken cancellationToken)
    {
        var ids = new List<string>();
        await foreach (var row in QueryTableAsync(HistoryRowKeys.InboxRange, KeysOnly, cancellationToken))
        {
            // Rows arrive grouped by partition, so comparing with the last id is enough to deduplicate.
            if (ids.Count == 0 || ids[^1] != row.PartitionKey)
            {
                ids.Add(row.PartitionKey);
            }
        }

        return ids;
    }

    public async Task<bool> PurgeAsync(string instanceId, CancellationToken cancellationToken)
    {
        var keys = new List<string>();
        await foreach (var row in Query(TableClient.CreateQueryFilter($"PartitionKey eq {instanceId}"), KeysOnly, cancellationToken))
        {
            keys.Add(row.RowKey);
        }

        // The instance row goes in the first batch: a purge cut short leaves no half-visible instance behind.
        var existed = keys.Remove(HistoryRowKeys.Instance);
        if (existed)
        {
            keys.Insert(0, HistoryRowKeys.Instance);
        }

        foreach (var chunk in keys.Chunk(MaxBatch))
        {
            await SubmitAsync([.. chunk.Select(key => Delete(instanceId, key))], cancellationToken);
        }

        Forget(instanceId);
        return existed;
    }

    private async Task MoveToInboxAsync(string instanceId, string workKey, HistoryEvent e, CancellationToken cancellationToken)
    {
        var row = HistoryRows.Inbox(instanceId, e);
        TableTransactionAction[] batch = [Delete(instanceId, workKey), new(TableTransactionActionType.Add, row)];
        try
        {
            await _table.SubmitTransactionAsync(batch, cancellationToken);
            RememberInbox(instanceId, row.RowKey, e);
        }
        catch (TableTransactionFailedException ex) when (ex.Status == 404)
        {
            // The work item is gone (already completed, dropped or purged): nothing to deliver, as in memory.
        }
    }

    private static TableTransactionAction Delete(string instanceId, string rowKey) =>
        new(TableTransactionActionType.Delete, new TableEntity(instanceId, rowKey), ETag.All);

    private AsyncPageable<TableEntity> QueryPartitionAsync(
        string instanceId, (string From, string To) range, IEnumerable<string>? select, CancellationToken cancellationToken) =>
        Query(TableClient.CreateQueryFilter($"PartitionKey eq {instanceId} and RowKey ge {range.From} and RowKey lt {range.To}"), select, cancellationToken);

    // Table-wide scans: only start-up recovery uses them.
    private AsyncPageable<TableEntity> QueryTableAsync((string From, string To) range, IEnumerable<string>? select, CancellationToken cancellationToken) =>
        Query(TableClient.CreateQueryFilter($"RowKey ge {range.From} and RowKey lt {range.To}"), select, cancellationToken);

    private AsyncPageable<TableEntity> Query(string filter, IEnumerable<string>? select, CancellationToken cancellationToken) =>
        _table.QueryAsync<TableEntity>(filter, select: select, cancellationToken: cancellationToken);
}
