using Azure.Data.Tables;
using ServerlessComplaints.Workflow.AzureStorage;
using ServerlessComplaints.Workflow.Cases;
using ServerlessComplaints.Workflow.Domain;
using ServerlessComplaints.Workflow.Lifecycle;
using ServerlessComplaints.Workflow.Localization;

namespace ServerlessComplaints.Integration.Tests.Storage;

[Collection(AzuriteCollection.Name)]
public sealed class TableComplaintStoreTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly string _prefix = AzuriteFixture.UniqueName("t");
    private TableServiceClient _client = null!;
    private TableComplaintStore _store = null!;

    public async Task InitializeAsync()
    {
        _client = new TableServiceClient(azurite.ConnectionString);
        _store = new TableComplaintStore(_client, _prefix);
        await _store.EnsureCreatedAsync(CancellationToken.None);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task GetAsync_AfterTryAddOfAFullRecord_ReturnsItUnchanged()
    {
        var record = StorageSamples.Full();

        var added = await _store.TryAddAsync(record, CancellationToken.None);
        var read = await _store.GetAsync(record.TrackingNumber, CancellationToken.None);

        Assert.True(added);
        Assert.Equal(10_000, record.Details.Description.Length);
        Assert.Equal(StorageSamples.Json(record), StorageSamples.Json(read));
    }

    [Fact]
    public async Task TryAddAsync_LongRecord_IsStoredInChunksWithQueryableColumns()
    {
        var record = StorageSamples.Full();

        await _store.TryAddAsync(record, CancellationToken.None);

        var row = (await _client.GetTableClient(_prefix + "Complaints")
            .GetEntityAsync<TableEntity>("CMP-" + record.TrackingNumber[4..10], record.TrackingNumber)).Value;
        Assert.Null(row.GetString("Json"));
        Assert.True(row.GetInt32("JsonChunks") >= 2);
        Assert.All(Enumerable.Range(0, row.GetInt32("JsonChunks")!.Value), i => Assert.InRange(row.GetString("Json" + i)!.Length, 1, 30_000));
        Assert.Equal("closed", row.GetString("Stage"));
        Assert.Equal("complaint", row.GetString("Kind"));
        Assert.Equal("product-quality", row.GetString("Category"));
        Assert.Equal(2, row.GetInt32("Urgency"));
        Assert.True(row.GetBoolean("LegalHold"));
        Assert.Equal(record.RetainUntilUtc, row.GetDateTimeOffset("RetainUntilUtc")?.UtcDateTime);
    }

    [Fact]
    public async Task TryAddAsync_Twice_AddsOnceAndKeepsTheFirst()
    {
        var first = StorageSamples.Minimal();
        var second = first with { Stage = CaseStage.Investigation };

        var added = await _store.TryAddAsync(first, CancellationToken.None);
        var addedAgain = await _store.TryAddAsync(second, CancellationToken.None);

        Assert.True(added);
        Assert.False(addedAgain);
        Assert.Equal(CaseStage.Intake, (await _store.GetAsync(first.TrackingNumber, CancellationToken.None))!.Stage);
    }

    [Fact]
    public async Task GetAsync_UnknownCase_ReturnsNull()
    {
        var read = await _store.GetAsync(StorageSamples.NewTrackingNumber(), CancellationToken.None);

        Assert.Null(read);
    }

    [Fact]
    public async Task UpdateAsync_UnknownCase_ThrowsKeyNotFound()
    {
        var trackingNumber = StorageSamples.NewTrackingNumber();

        var error = await Assert.ThrowsAsync<KeyNotFoundException>(() => _store.UpdateAsync(trackingNumber, r => r, CancellationToken.None));

        Assert.Contains(trackingNumber, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpdateAsync_ChangesTheRecordAndReturnsIt()
    {
        var record = StorageSamples.Full();
        await _store.TryAddAsync(record, CancellationToken.None);

        var updated = await _store.UpdateAsync(record.TrackingNumber, r => r with { Stage = CaseStage.Archived, Reply = "已归档" }, CancellationToken.None);

        var read = await _store.GetAsync(record.TrackingNumber, CancellationToken.None);
        Assert.Equal(CaseStage.Archived, updated.Stage);
        Assert.Equal(StorageSamples.Json(updated), StorageSamples.Json(read));
    }

    [Fact]
    public async Task UpdateAsync_ChangedBetweenReadAndWrite_RetriesWithTheNewValue()
    {
        var record = StorageSamples.Minimal();
        await _store.TryAddAsync(record, CancellationToken.None);
        var other = new TableComplaintStore(_client, _prefix);
        var calls = 0;

        var updated = await _store.UpdateAsync(
            record.TrackingNumber,
            r =>
            {
                // The first attempt is overtaken by another writer, as if it ran on another instance.
                if (++calls == 1)
                {
                    other.UpdateAsync(record.TrackingNumber, x => x with { EscalationLevel = x.EscalationLevel + 1 }, CancellationToken.None).GetAwaiter().GetResult();
                }

                return r with { ReopenCount = r.ReopenCount + 1 };
            },
            CancellationToken.None);

        Assert.Equal(2, calls);
        Assert.Equal(1, updated.EscalationLevel);
        Assert.Equal(1, updated.ReopenCount);
    }

    [Fact]
    public async Task UpdateAsync_ManyRacingUpdates_AreAllApplied()
    {
        var record = StorageSamples.Minimal();
        await _store.TryAddAsync(record, CancellationToken.None);
        var stores = Enumerable.Range(0, 2).Select(_ => new TableComplaintStore(_client, _prefix)).ToList();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() =>
            stores[i % 2].UpdateAsync(record.TrackingNumber, r => r with { EscalationLevel = r.EscalationLevel + 1 }, CancellationToken.None))));

        Assert.Equal(8, (await _store.GetAsync(record.TrackingNumber, CancellationToken.None))!.EscalationLevel);
    }

    [Fact]
    public async Task UpdateAsync_ContactDetailsCorrected_CountsFollowTheNewDetails()
    {
        var record = StorageSamples.Minimal(customer: new Customer("王芳", "old@example.cn", null));
        await _store.TryAddAsync(record, CancellationToken.None);

        await _store.UpdateAsync(
            record.TrackingNumber,
            r => r with { Details = r.Details with { Customer = new Customer("王芳", "new@example.cn", null) } },
            CancellationToken.None);

        var since = StorageSamples.ReceivedAtUtc.AddDays(-1);
        Assert.Equal(0, await _store.CountRecentByCustomerAsync(new Customer("x", "old@example.cn", null), since, "", CancellationToken.None));
        Assert.Equal(1, await _store.CountRecentByCustomerAsync(new Customer("x", "NEW@example.cn", null), since, "", CancellationToken.None));
    }

    [Fact]
    public async Task QueryAsync_EveryStage_StoredAsItsWireNameAndFoundByIt()
    {
        var records = Enum.GetValues<CaseStage>().Select(stage => StorageSamples.Minimal() with { Stage = stage }).ToList();
        foreach (var record in records)
        {
            await _store.TryAddAsync(record, CancellationToken.None);
        }

        foreach (var record in records)
        {
            var row = (await Complaints.GetEntityAsync<TableEntity>(TableKeys.ComplaintPartition(record.TrackingNumber), record.TrackingNumber)).Value;
            var found = await _store.QueryAsync(new CaseQuery(Stage: record.Stage), CancellationToken.None);
            var read = await _store.GetAsync(record.TrackingNumber, CancellationToken.None);

            Assert.Equal(WireNames.Of(record.Stage), row.GetString("Stage"));
            Assert.Equal([record.TrackingNumber], found.Select(r => r.TrackingNumber));
            Assert.Equal(record.Stage, read?.Stage);
        }
    }

    [Fact]
    public async Task GetAsync_StageAndOutcomeWrittenByANewerRelease_ReadAsUnknown()
    {
        var record = StorageSamples.Minimal() with { Stage = CaseStage.Closed, Outcome = CaseOutcome.Resolved };
        await _store.TryAddAsync(record, CancellationToken.None);
        var row = (await Complaints.GetEntityAsync<TableEntity>(TableKeys.ComplaintPartition(record.TrackingNumber), record.TrackingNumber)).Value;
        row["Stage"] = "mediation";
        row["Json"] = row.GetString("Json")!
            .Replace("\"stage\":\"closed\"", "\"stage\":\"mediation\"", StringComparison.Ordinal)
            .Replace("\"outcome\":\"resolved\"", "\"outcome\":\"mediated\"", StringComparison.Ordinal);
        await Complaints.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace);

        var read = await _store.GetAsync(record.TrackingNumber, CancellationToken.None);
        var listed = await _store.QueryAsync(new CaseQuery(), CancellationToken.None);

        Assert.Equal(CaseStage.Unknown, read?.Stage);
        Assert.Equal(CaseOutcome.Unknown, read?.Outcome);
        Assert.Contains(listed, r => r.TrackingNumber == record.TrackingNumber && r.Stage == CaseStage.Unknown);
    }

    private TableClient Complaints => _client.GetTableClient(_prefix + "Complaints");
}
