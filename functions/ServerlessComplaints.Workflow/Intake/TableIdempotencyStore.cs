using System.Net;
using Azure;
using Azure.Data.Tables;

namespace ServerlessComplaints.Workflow.Intake;

/// <summary>
/// Idempotency keys in Azure Tables (<c>{prefix}IdempotencyKeys</c>): <c>AddEntity</c> claims a key (409 when taken),
/// <c>UpdateEntity</c> with If-Match changes it (412 when another caller changed it first). Row keys are the keyed
/// hashes from <see cref="IdempotencyKeys"/>; no client key or request body is stored.
/// </summary>
public sealed class TableIdempotencyStore(TableServiceClient client, string tablePrefix = "") : IIdempotencyStore
{
    private readonly TableClient _table = client.GetTableClient(tablePrefix + "IdempotencyKeys");

    public Task EnsureCreatedAsync(CancellationToken cancellationToken) => _table.CreateIfNotExistsAsync(cancellationToken);

    public async Task<IdempotencyEntry?> FindAsync(string key, CancellationToken cancellationToken)
    {
        var row = await _table.GetEntityIfExistsAsync<TableEntity>(Partition(key), key, cancellationToken: cancellationToken).ConfigureAwait(false);
        return row.HasValue ? Entry(row.Value!) : null;
    }

    public async Task<IdempotencyEntry?> TryAddAsync(IdempotencyEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        try
        {
            var response = await _table.AddEntityAsync(Row(entry), cancellationToken).ConfigureAwait(false);
            return entry with { ETag = response.Headers.ETag?.ToString() };
        }
        catch (RequestFailedException ex) when (ex.Status == (int)HttpStatusCode.Conflict)
        {
            return null;
        }
    }

    public async Task<IdempotencyEntry?> TryReplaceAsync(IdempotencyEntry current, IdempotencyEntry next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(next);
        if (next.Key != current.Key || current.ETag is null)
        {
            return null;
        }

        try
        {
            var response = await _table.UpdateEntityAsync(Row(next), new ETag(current.ETag), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            return next with { ETag = response.Headers.ETag?.ToString() };
        }
        catch (RequestFailedException ex) when (ex.Status is (int)HttpStatusCode.PreconditionFailed or (int)HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    private static TableEntity Row(IdempotencyEntry entry) => new(Partition(entry.Key), entry.Key)
    {
        ["RequestHash"] = entry.RequestHash,
        ["TrackingNumber"] = entry.TrackingNumber,
        ["State"] = entry.State.ToString(),
        ["ClaimedAtUtc"] = DateTime.SpecifyKind(entry.ClaimedAtUtc, DateTimeKind.Utc),
    };

    private static IdempotencyEntry Entry(TableEntity row) =>
        new(
            row.RowKey,
            row.GetString("RequestHash") ?? "",
            row.GetString("TrackingNumber") ?? "",
            Enum.TryParse<IdempotencyState>(row.GetString("State"), out var state) ? state : IdempotencyState.Abandoned,
            row.GetDateTimeOffset("ClaimedAtUtc")?.UtcDateTime ?? DateTime.MinValue)
        {
            ETag = row.ETag.ToString(),
        };

    private static string Partition(string key) => key[..2];
}
