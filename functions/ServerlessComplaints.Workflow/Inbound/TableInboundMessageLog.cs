using System.Net;
using Azure;
using Azure.Data.Tables;

namespace ServerlessComplaints.Workflow.Inbound;

/// <summary>The inbound Message-ID log in Azure Tables: <c>{prefix}InboundMessages</c>, keyed by the message's key (a hash of sender and Message-ID).</summary>
public sealed class TableInboundMessageLog(TableServiceClient client, string tablePrefix = "") : IInboundMessageLog
{
    private readonly TableClient _table = client.GetTableClient(tablePrefix + "InboundMessages");

    public Task EnsureCreatedAsync(CancellationToken cancellationToken) => _table.CreateIfNotExistsAsync(cancellationToken);

    public async Task<InboundMessageSeen?> FindAsync(string messageKey, CancellationToken cancellationToken)
    {
        var row = await _table.GetEntityIfExistsAsync<TableEntity>(Partition(messageKey), messageKey, cancellationToken: cancellationToken).ConfigureAwait(false);
        return row.HasValue
            ? new InboundMessageSeen(row.Value!.GetString("Outcome") ?? "", row.Value.GetString("TrackingNumber"), row.Value.GetDateTimeOffset("AtUtc")?.UtcDateTime ?? DateTime.MinValue)
            : null;
    }

    public async Task<bool> TryClaimAsync(string messageKey, DateTime nowUtc, CancellationToken cancellationToken)
    {
        try
        {
            await _table.AddEntityAsync(Row(messageKey, new InboundMessageSeen(InboundMessageSeen.Processing, null, nowUtc)), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == (int)HttpStatusCode.Conflict)
        {
            return false;
        }
    }

    public async Task CompleteAsync(string messageKey, InboundMessageSeen outcome, CancellationToken cancellationToken) =>
        await _table.UpsertEntityAsync(Row(messageKey, outcome), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);

    private static TableEntity Row(string messageKey, InboundMessageSeen seen)
    {
        var row = new TableEntity(Partition(messageKey), messageKey)
        {
            ["Outcome"] = seen.Outcome,
            ["AtUtc"] = DateTime.SpecifyKind(seen.AtUtc, DateTimeKind.Utc),
        };
        if (seen.TrackingNumber is not null)
        {
            row["TrackingNumber"] = seen.TrackingNumber;
        }

        return row;
    }

    private static string Partition(string messageKey) => messageKey[..2];
}
