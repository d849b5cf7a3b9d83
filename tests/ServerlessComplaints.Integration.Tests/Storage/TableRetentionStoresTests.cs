using Azure.Data.Tables;
using ServerlessComplaints.Workflow.AzureStorage;
using ServerlessComplaints.Workflow.Cases;
using ServerlessComplaints.Workflow.Domain;
using ServerlessComplaints.Workflow.Lifecycle;
using ServerlessComplaints.Workflow.Notifications;

namespace ServerlessComplaints.Integration.Tests.Storage;

/// <summary>The retention sweep's store methods on Azure Tables: expired listing, record delete, timeline and outbox purge.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TableRetentionStoresTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly DateTime Now = new(2027, 12, 1, 0, 0, 0, DateTimeKind.Utc);

    private readonly string _prefix = AzuriteFixture.UniqueName("r");
    private TableServiceClient _client = null!;
    private TableComplaintStore _records = null!;
    private TableTimelineStore _timeline = null!;
    private TableNotificationOutbox _outbox = null!;

    public async Task InitializeAsync()
    {
        _client = new TableServiceClient(azurite.ConnectionString);
        _records = new TableComplaintStore(_client, _prefix);
        _timeline = new TableTimelineStore(_client, _prefix);
        _outbox = new TableNotificationOutbox(_client, _prefix);
        await _records.EnsureCreatedAsync(CancellationToken.None);
        await _timeline.EnsureCreatedAsync(CancellationToken.None);
        await _outbox.EnsureCreatedAsync(CancellationToken.None);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task ListExpiredAsync_MixedCases_ReturnsOnlyArchivedUnheldPastRetainUntil()
    {
        var expired = await AddAsync(Archived(retainUntil: Now.AddDays(-1)));
        var dueNow = await AddAsync(Archived(retainUntil: Now));
        await AddAsync(Archived(retainUntil: Now.AddDays(1)));
        await AddAsync(Archived(retainUntil: Now.AddDays(-1)) with { LegalHold = true });
        await AddAsync(Archived(retainUntil: Now.AddDays(-1)) with { Stage = CaseStage.Investigation });
        await AddAsync(Archived(retainUntil: Now.AddDays(-1)) with { ClosedAtUtc = null });
        await AddAsync(StorageSamples.Minimal());

        var listed = await _records.ListExpiredAsync(Now, 10, CancellationToken.None);

        Assert.Equal(
            new[] { expired.TrackingNumber, dueNow.TrackingNumber }.Order(StringComparer.Ordinal),
            listed.Select(r => r.TrackingNumber).Order(StringComparer.Ordinal));
        Assert.Equal(StorageSamples.Json(expired), StorageSamples.Json(listed.Single(r => r.TrackingNumber == expired.TrackingNumber)));
    }

    [Fact]
    public async Task ListExpiredAsync_MoreThanTake_ReturnsTake()
    {
        for (var i = 0; i < 5; i++)
        {
            await AddAsync(Archived(retainUntil: Now.AddDays(-i - 1)));
        }

        var listed = await _records.ListExpiredAsync(Now, 3, CancellationToken.None);

        Assert.Equal(3, listed.Count);
    }

    [Fact]
    public async Task DeleteAsync_ExistingCase_RemovesTheRecordAndItsCustomerIndexRows()
    {
        var customer = new Customer("王芳", "retention." + Guid.NewGuid().ToString("N")[..8] + "@example.cn", "+86 139 " + Random.Shared.Next(1000_0000, 9999_9999));
        var record = await AddAsync(StorageSamples.Minimal(customer: customer));
        var indexRowsBefore = await IndexRowsAsync(record.TrackingNumber);

        var deleted = await _records.DeleteAsync(record.TrackingNumber, CancellationToken.None);
        var deletedAgain = await _records.DeleteAsync(record.TrackingNumber, CancellationToken.None);

        Assert.True(deleted);
        Assert.False(deletedAgain);
        Assert.Equal(2, indexRowsBefore);
        Assert.Equal(0, await IndexRowsAsync(record.TrackingNumber));
        Assert.Null(await _records.GetAsync(record.TrackingNumber, CancellationToken.None));
        Assert.Equal(0, await _records.CountRecentByCustomerAsync(customer, StorageSamples.ReceivedAtUtc.AddDays(-1), "", CancellationToken.None));
    }

    [Fact]
    public async Task DeleteAsync_IndexRowsAlreadyGone_StillDeletesTheRecord()
    {
        var record = await AddAsync(StorageSamples.Minimal());
        var index = _client.GetTableClient(_prefix + "CustomerIndex");
        foreach (var row in await index.QueryAsync<TableEntity>(e => e.RowKey == record.TrackingNumber).ToListAsync())
        {
            await index.DeleteEntityAsync(row);
        }

        var deleted = await _records.DeleteAsync(record.TrackingNumber, CancellationToken.None);

        Assert.True(deleted);
        Assert.Null(await _records.GetAsync(record.TrackingNumber, CancellationToken.None));
    }

    [Fact]
    public async Task DeleteAllAsync_TimelineOfMoreThanOneTransaction_DeletesOnlyThatCase()
    {
        var tn = StorageSamples.NewTrackingNumber();
        var other = StorageSamples.NewTrackingNumber();
        for (var i = 0; i < 130; i++)
        {
            await _timeline.AppendAsync(new TimelineEntry(tn, $"{tn}-{i:D3}", Now.AddMinutes(i), "system", "note", null, IsPublic: false), CancellationToken.None);
        }

        await _timeline.AppendAsync(new TimelineEntry(other, $"{other}-001", Now, "system", "note", null, IsPublic: false), CancellationToken.None);

        var deleted = await _timeline.DeleteAllAsync(tn, CancellationToken.None);
        var deletedAgain = await _timeline.DeleteAllAsync(tn, CancellationToken.None);

        Assert.Equal(130, deleted);
        Assert.Equal(0, deletedAgain);
        Assert.Empty(await _timeline.ListAsync(tn, CancellationToken.None));
        Assert.Single(await _timeline.ListAsync(other, CancellationToken.None));
    }

    [Fact]
    public async Task DeleteAllAsync_Outbox_DeletesTheCasePartitionOnly()
    {
        var tn = StorageSamples.NewTrackingNumber();
        var other = StorageSamples.NewTrackingNumber();
        await _outbox.RecordPendingAsync(new OutgoingMail($"{tn}-acknowledgement", "wang.fang@example.cn", "s", "t"), CancellationToken.None);
        await _outbox.RecordPendingAsync(new OutgoingMail($"{tn}-assignment", "zhang.wei@example.cn", "s", "t"), CancellationToken.None);
        await _outbox.MarkSentAsync($"{tn}-assignment", CancellationToken.None);
        await _outbox.RecordPendingAsync(new OutgoingMail($"{other}-acknowledgement", "wang.fang@example.cn", "s", "t"), CancellationToken.None);
        await _outbox.MarkSentAsync($"{other}-acknowledgement", CancellationToken.None);

        var deleted = await _outbox.DeleteAllAsync(tn, CancellationToken.None);

        Assert.Equal(2, deleted);
        Assert.False(await _outbox.IsSentAsync($"{tn}-assignment", CancellationToken.None));
        Assert.True(await _outbox.IsSentAsync($"{other}-acknowledgement", CancellationToken.None));
        Assert.Empty(await _client.GetTableClient(_prefix + "Outbox").QueryAsync<TableEntity>(e => e.PartitionKey == tn).ToListAsync());
    }

    private static ComplaintRecord Archived(DateTime retainUntil) => StorageSamples.Minimal() with
    {
        Stage = CaseStage.Archived,
        Outcome = CaseOutcome.Resolved,
        ClosedAtUtc = retainUntil.AddDays(-365),
        RetainUntilUtc = retainUntil,
    };

    private async Task<ComplaintRecord> AddAsync(ComplaintRecord record)
    {
        Assert.True(await _records.TryAddAsync(record, CancellationToken.None));
        return record;
    }

    private async Task<int> IndexRowsAsync(string trackingNumber) =>
        (await _client.GetTableClient(_prefix + "CustomerIndex").QueryAsync<TableEntity>(e => e.RowKey == trackingNumber).ToListAsync()).Count;
}
