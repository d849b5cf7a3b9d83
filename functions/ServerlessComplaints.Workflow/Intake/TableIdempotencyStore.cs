using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;

namespace ServerlessComplaints.Workflow.Intake;

/// <summary>Idempotency keys in Azure Tables; the key is stored only as a SHA-256 hash (it is client-chosen text).</summary>
public sealed class TableIdempotencyStore(TableServiceClient client, string tablePrefix = "") : IIdempotencyStore
{
    private readonly TableClient _table = client.GetTableClient(tablePrefix + "IdempotencyKeys");

    public Task EnsureCreatedAsync(CancellationToken cancellationToken) => _table.CreateIfNotExistsAsync(cancellationToken);

    public async Task<string?> FindAsync(string key, CancellationToken cancellationToken)
    {
        var (pk, rk) = Keys(key);
        var entity = await _table.GetEntityIfExistsAsync<TableEntity>(pk, rk, cancellationToken: cancellationToken);
        return entity.HasValue ? entity.Value!.GetString("TrackingNumber") : null;
    }

    public async Task<string> RememberAsync(string key, string trackingNumber, CancellationToken cancellationToken)
    {
        var (pk, rk) = Keys(key);
        try
        {
            await _table.AddEntityAsync(new TableEntity(pk, rk) { ["TrackingNumber"] = trackingNumber }, cancellationToken);
            return trackingNumber;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return await FindAsync(key, cancellationToken) ?? trackingNumber;
        }
    }

    private static (string PartitionKey, string RowKey) Keys(string key)
    {
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
        return (hash[..2], hash);
    }
}
