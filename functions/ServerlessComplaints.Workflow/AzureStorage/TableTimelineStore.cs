using System.Net;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using ServerlessComplaints.Workflow.Cases;

namespace ServerlessComplaints.Workflow.AzureStorage;

/// <summary>Timelines in Azure Tables: <c>{prefix}Timeline</c>, one partition per case, one row per entry id.</summary>
public sealed class TableTimelineStore(TableServiceClient client, string tablePrefix = "") : ITimelineStore
{
    private readonly TableClient _table = client.GetTableClient(tablePrefix + "Timeline");

    public async Task EnsureCreatedAsync(CancellationToken cancellationToken) =>
        await _table.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);

    public async Task<bool> AppendAsync(TimelineEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var at = ComplaintEntity.AsUtc(entry.AtUtc)!.Value;
        var row = new TableEntity(TableKeys.Escape(entry.TrackingNumber), TableKeys.Escape(entry.EntryId))
        {
            ["EntryId"] = entry.EntryId,
            ["AtUtc"] = at,

            // Table timestamps may drop sub-millisecond digits; the ticks keep the instant exact.
            ["AtTicks"] = at.UtcTicks,
            ["Actor"] = entry.Actor,
            ["Action"] = entry.Action,
            ["IsPublic"] = entry.IsPublic,
            ["Sequence"] = AppendSequence.Next(),
        };
        if (entry.Detail is not null)
        {
            row["Detail"] = entry.Detail;
        }

        // One JSON column; rows written before it existed have none and render from Action and Detail.
        if (entry.Parameters is { Count: > 0 } parameters)
        {
            row["Parameters"] = JsonSerializer.Serialize(parameters);
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

    public async Task<IReadOnlyList<TimelineEntry>> ListAsync(string trackingNumber, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(trackingNumber);
        var rows = new List<(TimelineEntry Entry, long Sequence)>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Escape(trackingNumber)}");
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            var entry = new TimelineEntry(
                trackingNumber,
                row.GetString("EntryId") ?? row.RowKey,
                new DateTime(row.GetInt64("AtTicks") ?? row.GetDateTime("AtUtc")!.Value.Ticks, DateTimeKind.Utc),
                row.GetString("Actor") ?? "",
                row.GetString("Action") ?? "",
                row.GetString("Detail"),
                row.GetBoolean("IsPublic") ?? false,
                row.GetString("Parameters") is { } json ? JsonSerializer.Deserialize<Dictionary<string, string>>(json) : null);
            rows.Add((entry, row.GetInt64("Sequence") ?? 0));
        }

        return [.. rows.OrderBy(r => r.Entry.AtUtc).ThenBy(r => r.Sequence).Select(r => r.Entry)];
    }

    public Task<int> DeleteAllAsync(string trackingNumber, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(trackingNumber);
        return TablePartition.DeleteAsync(_table, TableKeys.Escape(trackingNumber), cancellationToken);
    }
}
