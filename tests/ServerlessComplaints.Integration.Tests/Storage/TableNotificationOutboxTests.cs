using System.Security.Cryptography;
using System.Text;
using Azure.Data.Tables;
using ServerlessComplaints.Workflow.AzureStorage;
using ServerlessComplaints.Workflow.Notifications;

namespace ServerlessComplaints.Integration.Tests.Storage;

[Collection(AzuriteCollection.Name)]
public sealed class TableNotificationOutboxTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Address = "Wang.Fang@example.cn";

    private readonly string _prefix = AzuriteFixture.UniqueName("o");
    private readonly string _trackingNumber = StorageSamples.NewTrackingNumber();
    private TableServiceClient _client = null!;
    private TableNotificationOutbox _outbox = null!;

    public async Task InitializeAsync()
    {
        _client = new TableServiceClient(azurite.ConnectionString);
        _outbox = new TableNotificationOutbox(_client, _prefix);
        await _outbox.EnsureCreatedAsync(CancellationToken.None);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task IsSentAsync_PendingThenMarkedSent_FollowsTheRow()
    {
        var mail = Mail("ack");

        var unknown = await _outbox.IsSentAsync(mail.NotificationId, CancellationToken.None);
        await _outbox.RecordPendingAsync(mail, CancellationToken.None);
        var pending = await _outbox.IsSentAsync(mail.NotificationId, CancellationToken.None);
        await _outbox.MarkSentAsync(mail.NotificationId, CancellationToken.None);
        var sent = await _outbox.IsSentAsync(mail.NotificationId, CancellationToken.None);

        Assert.False(unknown);
        Assert.False(pending);
        Assert.True(sent);
    }

    [Fact]
    public async Task RecordPendingAsync_AfterSent_KeepsItSent()
    {
        var mail = Mail("offer");
        await _outbox.RecordPendingAsync(mail, CancellationToken.None);
        await _outbox.MarkSentAsync(mail.NotificationId, CancellationToken.None);

        await _outbox.RecordPendingAsync(mail, CancellationToken.None);

        Assert.True(await _outbox.IsSentAsync(mail.NotificationId, CancellationToken.None));
    }

    [Fact]
    public async Task RecordPendingAsync_StoresAHashOfTheAddressNeverTheAddress()
    {
        var mail = Mail("ack");

        await _outbox.RecordPendingAsync(mail, CancellationToken.None);
        await _outbox.MarkSentAsync(mail.NotificationId, CancellationToken.None);

        var row = (await _client.GetTableClient(_prefix + "Outbox").GetEntityAsync<TableEntity>(_trackingNumber, mail.NotificationId)).Value;
        var stored = string.Join("|", row.Select(p => p.Value?.ToString()));
        Assert.DoesNotContain("example.cn", stored, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("wang", stored, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Address.ToLowerInvariant()))), row.GetString("To"));
        Assert.Equal("sent", row.GetString("Status"));
        Assert.Equal(mail.Subject, row.GetString("Subject"));
        Assert.NotNull(row.GetDateTimeOffset("CreatedAtUtc"));
        Assert.NotNull(row.GetDateTimeOffset("SentAtUtc"));
    }

    [Fact]
    public async Task MarkSentAsync_IdNotStartingWithATrackingNumber_IsKeptInTheOtherPartition()
    {
        const string id = "digest/2026-11-30#staff?";

        await _outbox.RecordPendingAsync(new OutgoingMail(id, "staff@example.cn", "Daily digest", "…"), CancellationToken.None);
        await _outbox.MarkSentAsync(id, CancellationToken.None);

        Assert.True(await _outbox.IsSentAsync(id, CancellationToken.None));
        var rows = _client.GetTableClient(_prefix + "Outbox").QueryAsync<TableEntity>(e => e.PartitionKey == "other");
        Assert.Equal(1, await rows.CountAsync());
    }

    private OutgoingMail Mail(string kind) =>
        new($"{_trackingNumber}-{kind}", Address, $"[{_trackingNumber}] 我们已收到您的投诉", "王芳您好，……", "<p>王芳您好</p>");
}
