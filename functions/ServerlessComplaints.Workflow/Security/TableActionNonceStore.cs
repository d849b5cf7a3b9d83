using Azure;
using Azure.Data.Tables;

namespace ServerlessComplaints.Workflow.Security;

/// <summary>Used nonces in Azure Tables: AddEntity is a conditional create (If-None-Match: *), so a nonce is consumed once.</summary>
public sealed class TableActionNonceStore(TableServiceClient client, string tablePrefix = "") : IActionNonceStore
{
    private readonly TableClient _table = client.GetTableClient(tablePrefix + "ActionNonces");

    public Task EnsureCreatedAsync(CancellationToken cancellationToken) => _table.CreateIfNotExistsAsync(cancellationToken);

    public async Task<bool> TryConsumeAsync(ActionTokenClaims claims, CancellationToken cancellationToken)
    {
        try
        {
            await _table.AddEntityAsync(
                new TableEntity(claims.TrackingNumber, claims.Nonce) { ["Action"] = claims.Action, ["Actor"] = claims.Actor, ["ExpiresAtUtc"] = claims.ExpiresAtUtc },
                cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }

    public async Task<bool> IsConsumedAsync(ActionTokenClaims claims, CancellationToken cancellationToken) =>
        (await _table.GetEntityIfExistsAsync<TableEntity>(claims.TrackingNumber, claims.Nonce, ["RowKey"], cancellationToken)).HasValue;
}
