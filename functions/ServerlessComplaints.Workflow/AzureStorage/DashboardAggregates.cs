using System.Collections.Concurrent;
using Azure;
using Azure.Data.Tables;
using ServerlessComplaints.Workflow.Cases;
using ServerlessComplaints.Workflow.Workspace;

namespace ServerlessComplaints.Workflow.AzureStorage;

/// <summary>
/// Keeps the dashboard's aggregates in <c>{prefix}Dashboard</c> (rows: <see cref="DashboardEntities"/>) and reads them.
/// </summary>
/// <remarks>
/// Applying a record state reads the case's row (the contribution last applied and its record version) and the cells
/// the old and new contributions touch, then writes the case row and every changed cell in ONE entity-group transaction
/// under If-Match ETags, retried when another writer got in first. A state at or below the version already applied
/// changes nothing, so an activity run twice, or a late writer of an older state, never counts twice; removing a case
/// takes its contribution back out. A view reads one week cell per whole week of its range and one range of day cells
/// per partial week: entities read are bounded by weeks and days, not by cases.
/// </remarks>
internal sealed class DashboardAggregates(TableServiceClient client, string tablePrefix, TimeZoneInfo zone)
{
    private const int MaxAttempts = 12;
    private const int MaxTransactionSize = 100;
    private const string MarkerPartition = "marker";
    private const string MarkerRow = "dashboard-v1";

    public TableClient Table { get; } = client.GetTableClient(tablePrefix + "Dashboard");

    public TimeZoneInfo Zone => zone;

    public Task EnsureCreatedAsync(CancellationToken cancellationToken) => Table.CreateIfNotExistsAsync(cancellationToken);

    public async Task<bool> HasMarkerAsync(CancellationToken cancellationToken) =>
        (await Table.GetEntityIfExistsAsync<TableEntity>(MarkerPartition, MarkerRow, ["PartitionKey"], cancellationToken).ConfigureAwait(false)).HasValue;

    public Task WriteMarkerAsync(CancellationToken cancellationToken) =>
        Table.UpsertEntityAsync(new TableEntity(MarkerPartition, MarkerRow) { ["WrittenAtUtc"] = DateTimeOffset.UtcNow }, TableUpdateMode.Replace, cancellationToken);

    /// <summary>Makes the aggregates count <paramref name="record"/> as of <paramref name="version"/>; false when writers kept racing (the next write of the case repairs it).</summary>
    public Task<bool> ApplyAsync(ComplaintRecord record, long version, CancellationToken cancellationToken)
    {
        var contribution = DashboardContribution.Of(record, zone);
        return ApplyAsync(DashboardEntities.Partition(contribution.WeekStart), [new Change(record.TrackingNumber, contribution, version)], cancellationToken);
    }

    /// <summary>Applies many records (new ones from a bulk add): per week, in transactions of up to 100 rows.</summary>
    public async Task ApplyManyAsync(IEnumerable<(ComplaintRecord Record, long Version)> records, CancellationToken cancellationToken)
    {
        var byWeek = records
            .Select(r => new Change(r.Record.TrackingNumber, DashboardContribution.Of(r.Record, zone), r.Version))
            .GroupBy(c => DashboardEntities.Partition(c.Next!.WeekStart), StringComparer.Ordinal);
        var options = new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(byWeek, options, async (week, ct) =>
        {
            foreach (var chunk in Chunks(week))
            {
                await ApplyAsync(week.Key, chunk, ct).ConfigureAwait(false);
            }
        }).ConfigureAwait(false);
    }

    /// <summary>Takes the case's contribution out of the aggregates and deletes its case row (a deleted case counts nowhere).</summary>
    public Task<bool> RemoveAsync(ComplaintRecord record, CancellationToken cancellationToken)
    {
        var week = DashboardContribution.Of(record, zone).WeekStart;
        return ApplyAsync(DashboardEntities.Partition(week), [new Change(record.TrackingNumber, null, long.MaxValue)], cancellationToken);
    }

    /// <summary>
    /// Writes the aggregates of records not counted yet, summed in memory, with plain upserts (no ETags): for an empty
    /// table only — a rebuild after <see cref="ClearAsync"/>, or a benchmark's seed.
    /// </summary>
    public async Task<int> SeedAsync(IEnumerable<(ComplaintRecord Record, long Version)> records, CancellationToken cancellationToken)
    {
        var cells = new Dictionary<(string Partition, string Row), Dictionary<string, decimal>>();
        var caseRows = new List<TableEntity>();
        foreach (var (record, version) in records)
        {
            var contribution = DashboardContribution.Of(record, zone);
            var partition = DashboardEntities.Partition(contribution.WeekStart);
            caseRows.Add(DashboardEntities.CaseRow(partition, record.TrackingNumber, contribution, version));
            foreach (var cell in DashboardEntities.Cells(contribution))
            {
                if (!cells.TryGetValue((partition, cell), out var sums))
                {
                    cells[(partition, cell)] = sums = new(StringComparer.Ordinal);
                }

                Add(sums, contribution.Measures, 1);
            }
        }

        var rows = cells.Select(c => DashboardEntities.Cell(c.Key.Partition, c.Key.Row, c.Value)).Concat(caseRows);
        await TableBatches.WriteAsync(Table, rows, [], cancellationToken).ConfigureAwait(false);
        return caseRows.Count;
    }

    /// <summary>Deletes every row, the marker first (so a crash half-way leaves the table to be rebuilt).</summary>
    public async Task ClearAsync(CancellationToken cancellationToken)
    {
        await Table.DeleteEntityAsync(MarkerPartition, MarkerRow, ETag.All, cancellationToken).ConfigureAwait(false);
        var keys = new List<(string, string)>();
        await foreach (var row in Table.QueryAsync<TableEntity>(select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            keys.Add((row.PartitionKey, row.RowKey));
        }

        await TableBatches.WriteAsync(Table, [], keys, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sums the cells a view needs into <paramref name="tally"/>; returns the entities read.</summary>
    public async Task<long> ReadAsync(DashboardFilter filter, DashboardTally tally, CancellationToken cancellationToken)
    {
        var dims = DashboardEntities.FilterDims(filter);
        var weeks = new List<DateOnly>();
        for (var week = DashboardContribution.WeekOf(filter.From); week <= filter.To; week = week.AddDays(7))
        {
            weeks.Add(week);
        }

        var found = new ConcurrentBag<(DateOnly Week, Dictionary<string, decimal> Measures)>();
        var options = new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(weeks, options, async (week, ct) =>
        {
            var partition = DashboardEntities.Partition(week);
            var first = week < filter.From ? filter.From : week;
            var last = week.AddDays(6) > filter.To ? filter.To : week.AddDays(6);
            if (first == week && last == week.AddDays(6))
            {
                var cell = await Table.GetEntityIfExistsAsync<TableEntity>(partition, "w|" + dims, cancellationToken: ct).ConfigureAwait(false);
                if (cell.HasValue)
                {
                    found.Add((week, DashboardEntities.Measures(cell.Value!)));
                }

                return;
            }

            var from = "d|" + dims + "|" + DashboardEntities.Date(first);
            var to = "d|" + dims + "|" + DashboardEntities.Date(last);
            var query = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {from} and RowKey le {to}");
            await foreach (var day in Table.QueryAsync<TableEntity>(query, cancellationToken: ct).ConfigureAwait(false))
            {
                found.Add((week, DashboardEntities.Measures(day)));
            }
        }).ConfigureAwait(false);

        foreach (var (week, measures) in found)
        {
            tally.Add(week, measures);
        }

        return found.Count;
    }

    private async Task<bool> ApplyAsync(string partition, IReadOnlyList<Change> changes, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var caseRows = await Task.WhenAll(changes.Select(c => ReadAsync(partition, DashboardEntities.CaseKey(c.TrackingNumber), cancellationToken))).ConfigureAwait(false);
            var deltas = new Dictionary<string, Dictionary<string, decimal>>(StringComparer.Ordinal);
            var actions = new List<TableTransactionAction>();
            for (var i = 0; i < changes.Count; i++)
            {
                var (change, row) = (changes[i], caseRows[i]);
                var stored = row is null ? ((long Version, DashboardContribution Contribution)?)null : DashboardEntities.FromCaseRow(row);
                if (change.Next is null ? row is null : stored is { } s && s.Version >= change.Version)
                {
                    continue; // Removed already, or this state (or a newer one) is counted.
                }

                if (stored is { Contribution: var before })
                {
                    AddToCells(deltas, before, -1);
                }

                if (change.Next is { } next)
                {
                    AddToCells(deltas, next, 1);
                    var caseRow = DashboardEntities.CaseRow(partition, change.TrackingNumber, next, change.Version);
                    actions.Add(row is null
                        ? new TableTransactionAction(TableTransactionActionType.Add, caseRow)
                        : new TableTransactionAction(TableTransactionActionType.UpdateReplace, caseRow, row.ETag));
                }
                else
                {
                    actions.Add(new TableTransactionAction(TableTransactionActionType.Delete, row!, row!.ETag));
                }
            }

            if (actions.Count == 0)
            {
                return true;
            }

            var changed = deltas.Where(d => d.Value.Values.Any(v => v != 0)).ToList();
            var cells = await Task.WhenAll(changed.Select(d => ReadAsync(partition, d.Key, cancellationToken))).ConfigureAwait(false);
            for (var i = 0; i < changed.Count; i++)
            {
                var sums = cells[i] is { } cell ? DashboardEntities.Measures(cell) : new(StringComparer.Ordinal);
                Add(sums, changed[i].Value, 1);
                var entity = DashboardEntities.Cell(partition, changed[i].Key, sums);
                actions.Add((cells[i], sums.Count) switch
                {
                    (null, _) => new TableTransactionAction(TableTransactionActionType.Add, entity),
                    ({ } old, 0) => new TableTransactionAction(TableTransactionActionType.Delete, old, old.ETag),
                    ({ } old, _) => new TableTransactionAction(TableTransactionActionType.UpdateReplace, entity, old.ETag),
                });
            }

            if (actions.Count > MaxTransactionSize)
            {
                // Old states spread over more cells than planned: apply the cases one by one.
                var all = true;
                foreach (var change in changes)
                {
                    all &= await ApplyAsync(partition, [change], cancellationToken).ConfigureAwait(false);
                }

                return all;
            }

            try
            {
                await Table.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
                return true;
            }
            catch (TableTransactionFailedException e) when (e.Status is 409 or 412 or 404)
            {
                // Another writer changed a row between our read and write: back off with jitter and redo it.
                await Task.Delay(Random.Shared.Next(2, 10 * attempt), cancellationToken).ConfigureAwait(false);
            }
        }

        return false;
    }

    private async Task<TableEntity?> ReadAsync(string partition, string rowKey, CancellationToken cancellationToken)
    {
        var response = await Table.GetEntityIfExistsAsync<TableEntity>(partition, rowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue ? response.Value : null;
    }

    private static void AddToCells(Dictionary<string, Dictionary<string, decimal>> deltas, DashboardContribution contribution, int sign)
    {
        foreach (var cell in DashboardEntities.Cells(contribution))
        {
            if (!deltas.TryGetValue(cell, out var delta))
            {
                deltas[cell] = delta = new(StringComparer.Ordinal);
            }

            Add(delta, contribution.Measures, sign);
        }
    }

    // Sums in place, dropping measures that come to zero so cells stay small.
    private static void Add(Dictionary<string, decimal> sums, IReadOnlyDictionary<string, decimal> measures, int sign)
    {
        foreach (var (key, amount) in measures)
        {
            var sum = sums.GetValueOrDefault(key) + sign * amount;
            if (sum == 0)
            {
                sums.Remove(key);
            }
            else
            {
                sums[key] = sum;
            }
        }
    }

    // New cases of one week, grouped so that case rows plus the cells they touch stay within a transaction.
    private static IEnumerable<IReadOnlyList<Change>> Chunks(IEnumerable<Change> changes)
    {
        var chunk = new List<Change>();
        var cells = new HashSet<string>(StringComparer.Ordinal);
        foreach (var change in changes)
        {
            var mine = DashboardEntities.Cells(change.Next!).ToList();
            if (chunk.Count > 0 && chunk.Count + 1 + cells.Union(mine).Count() > MaxTransactionSize)
            {
                yield return chunk;
                chunk = [];
                cells.Clear();
            }

            chunk.Add(change);
            cells.UnionWith(mine);
        }

        if (chunk.Count > 0)
        {
            yield return chunk;
        }
    }

    /// <summary>A case's new state to count (null: remove it) at a record version.</summary>
    private sealed record Change(string TrackingNumber, DashboardContribution? Next, long Version);
}
