using System.Collections.Concurrent;
using Azure.Data.Tables;
using ServerlessComplaints.Workflow.AzureStorage;
using ServerlessComplaints.Workflow.Notifications;

namespace ServerlessComplaints.Integration.Tests.ScaleOut;

/// <summary>
/// Two nodes send through one outbox table at once, as when an activity message reappears on a second node while the
/// first still runs it: each mail goes out once, and a claim left by a worker that died mid-send runs out.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class OutboxDeliveryOnAzureTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly string _prefix = AzuriteFixture.UniqueName("o");

    public async Task InitializeAsync() => await Node().EnsureCreatedAsync(CancellationToken.None);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task SendOnceAsync_TwoNodesSendTheSameMailsAtOnce_EachMailSentOnce()
    {
        var nodes = new[] { Node(), Node() };
        var mailer = new CountingMailer(TimeSpan.FromMilliseconds(100));
        var mails = Enumerable.Range(0, 20).Select(i => Mail($"{StorageNumber()}-assignment")).ToList();

        var sends = await Task.WhenAll(mails.SelectMany(mail => nodes.Select(node => Task.Run(() => node.SendOnceAsync(mailer, mail, CancellationToken.None)))));

        Assert.All(mails, mail => Assert.Equal(1, mailer.Sent.GetValueOrDefault(mail.NotificationId)));
        Assert.Equal(mails.Count, sends.Count(sent => sent));
        foreach (var mail in mails)
        {
            Assert.True(await nodes[1].IsSentAsync(mail.NotificationId, CancellationToken.None));
        }
    }

    [Fact]
    public async Task SendOnceAsync_ClaimOfAWorkerThatDiedMidSend_AnotherSendsAfterItRunsOut()
    {
        var mail = Mail($"{StorageNumber()}-acknowledgement");
        var mailer = new CountingMailer(TimeSpan.Zero);
        Assert.True(await Node().TryClaimAsync(mail, TimeSpan.FromSeconds(1), CancellationToken.None)); // then the worker dies
        var started = DateTime.UtcNow;

        var sent = await Node().SendOnceAsync(mailer, mail, CancellationToken.None);

        Assert.True(sent);
        Assert.Equal(1, mailer.Sent[mail.NotificationId]);
        Assert.InRange(DateTime.UtcNow - started, TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task TryClaimAsync_SentMail_NotClaimedAgain()
    {
        var mail = Mail($"{StorageNumber()}-closure");
        await Node().SendOnceAsync(new CountingMailer(TimeSpan.Zero), mail, CancellationToken.None);

        var claimed = await Node().TryClaimAsync(mail, TimeSpan.FromSeconds(60), CancellationToken.None);

        Assert.False(claimed);
    }

    /// <summary>A node's own clients on the shared table, as a second process has.</summary>
    private TableNotificationOutbox Node() => new(new TableServiceClient(azurite.ConnectionString), _prefix);

    private static string StorageNumber() => Storage.StorageSamples.NewTrackingNumber(DateTime.UtcNow);

    private static OutgoingMail Mail(string notificationId) => new(notificationId, "wang.fang@example.cn", "subject", "text");

    /// <summary>The mail provider boundary: counts what each notification id was sent.</summary>
    private sealed class CountingMailer(TimeSpan sendTime) : IMailer
    {
        public ConcurrentDictionary<string, int> Sent { get; } = new(StringComparer.Ordinal);

        public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
        {
            await Task.Delay(sendTime, cancellationToken);
            Sent.AddOrUpdate(mail.NotificationId, 1, (_, n) => n + 1);
        }
    }
}
