using System.Text.Json;
using Azure;
using Azure.Data.Tables;

namespace ServerlessComplaints.LocalHost.Mail;

/// <summary>
/// The dev mailbox, kept in a table next to the local data so it survives restarts. As a receiver should, it drops
/// a repeated delivery of the same notification id (SendGrid's custom argument), counting it in <c>Deliveries</c>.
/// </summary>
public sealed class DevMailStore(TableServiceClient client, string tablePrefix = "")
{
    private readonly TableClient _table = client.GetTableClient(tablePrefix + "DevMail");

    public Task EnsureCreatedAsync(CancellationToken cancellationToken) => _table.CreateIfNotExistsAsync(cancellationToken);

    public async Task AddAsync(DevMail mail, CancellationToken cancellationToken)
    {
        // One row per notification id; mail without one gets a row of its own.
        var rowKey = mail.NotificationId is { } id ? "n-" + Uri.EscapeDataString(id) : "m-" + mail.Id;
        try
        {
            await _table.AddEntityAsync(
                new TableEntity("mail", rowKey) { ["Json"] = JsonSerializer.Serialize(mail), ["ReceivedAtUtc"] = mail.ReceivedAtUtc, ["Deliveries"] = 1 },
                cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            var existing = (await _table.GetEntityAsync<TableEntity>("mail", rowKey, cancellationToken: cancellationToken)).Value;
            existing["Deliveries"] = (existing.GetInt32("Deliveries") ?? 1) + 1;
            await _table.UpdateEntityAsync(existing, existing.ETag, TableUpdateMode.Merge, cancellationToken);
        }
    }

    /// <summary>The newest <paramref name="take"/> mails, of one case when <paramref name="trackingNumber"/> is given.</summary>
    public async Task<IReadOnlyList<DevMail>> ListAsync(int take, CancellationToken cancellationToken, string? trackingNumber = null)
    {
        var mails = new List<DevMail>();
        await foreach (var entity in _table.QueryAsync<TableEntity>(e => e.PartitionKey == "mail", cancellationToken: cancellationToken))
        {
            var mail = JsonSerializer.Deserialize<DevMail>(entity.GetString("Json"))! with { Deliveries = entity.GetInt32("Deliveries") ?? 1 };
            if (trackingNumber is null || mail.Concerns(trackingNumber))
            {
                mails.Add(mail);
            }
        }

        return [.. mails.OrderByDescending(m => m.ReceivedAtUtc).Take(take)];
    }

    /// <summary>One mail by its id (a dev mailbox is small: a scan).</summary>
    public async Task<DevMail?> FindAsync(string id, CancellationToken cancellationToken) =>
        (await ListAsync(int.MaxValue, cancellationToken)).FirstOrDefault(m => m.Id == id);
}
