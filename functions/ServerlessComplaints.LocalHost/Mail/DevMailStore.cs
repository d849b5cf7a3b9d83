using System.Text.Json;
using Azure.Data.Tables;

namespace ServerlessComplaints.LocalHost.Mail;

/// <summary>The dev mailbox, kept in a table next to the local data so it survives restarts.</summary>
public sealed class DevMailStore(TableServiceClient client, string tablePrefix = "")
{
    private readonly TableClient _table = client.GetTableClient(tablePrefix + "DevMail");

    public Task EnsureCreatedAsync(CancellationToken cancellationToken) => _table.CreateIfNotExistsAsync(cancellationToken);

    public async Task AddAsync(DevMail mail, CancellationToken cancellationToken) =>
        // Inverted ticks: newest first in the natural row order.
        await _table.AddEntityAsync(
            new TableEntity("mail", $"{DateTime.MaxValue.Ticks - mail.ReceivedAtUtc.Ticks:D19}-{mail.Id}") { ["Json"] = JsonSerializer.Serialize(mail) },
            cancellationToken);

    public async Task<IReadOnlyList<DevMail>> ListAsync(int take, CancellationToken cancellationToken)
    {
        var mails = new List<DevMail>();
        await foreach (var entity in _table.QueryAsync<TableEntity>(e => e.PartitionKey == "mail", maxPerPage: Math.Min(take, 1000), cancellationToken: cancellationToken))
        {
            mails.Add(JsonSerializer.Deserialize<DevMail>(entity.GetString("Json"))!);
            if (mails.Count >= take)
            {
                break;
            }
        }

        return mails;
    }
}
