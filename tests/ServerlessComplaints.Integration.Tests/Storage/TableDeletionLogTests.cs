using Azure.Data.Tables;
using ServerlessComplaints.Workflow.Lifecycle;
using ServerlessComplaints.Workflow.Retention;

namespace ServerlessComplaints.Integration.Tests.Storage;

[Collection(AzuriteCollection.Name)]
public sealed class TableDeletionLogTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly DateTime DeletedAt = new(2027, 12, 1, 3, 0, 0, DateTimeKind.Utc);

    private readonly string _prefix = AzuriteFixture.UniqueName("d");
    private TableServiceClient _client = null!;
    private TableDeletionLog _log = null!;

    public async Task InitializeAsync()
    {
        _client = new TableServiceClient(azurite.ConnectionString);
        _log = new TableDeletionLog(_client, _prefix);
        await _log.EnsureCreatedAsync(CancellationToken.None);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task AppendAsync_ThenList_ReturnsTheRecordUnchanged()
    {
        var record = DeletionRecord.Of(StorageSamples.Full(), DeletedAt, evidenceFiles: 2, timelineEntries: 17);

        var added = await _log.AppendAsync(record, CancellationToken.None);
        var listed = await _log.ListAsync(10, CancellationToken.None);

        Assert.True(added);
        Assert.Equal([record], listed);
        Assert.Equal(("complaint", "product-quality", CaseOutcome.Resolved), (record.Kind, record.Category, record.Outcome));
    }

    [Fact]
    public async Task AppendAsync_Twice_KeepsTheFirst()
    {
        var first = DeletionRecord.Of(StorageSamples.Full(), DeletedAt, 2, 17);

        await _log.AppendAsync(first, CancellationToken.None);
        var addedAgain = await _log.AppendAsync(first with { DeletedAtUtc = DeletedAt.AddHours(1), EvidenceFilesDeleted = 0 }, CancellationToken.None);

        Assert.False(addedAgain);
        Assert.Equal([first], await _log.ListAsync(10, CancellationToken.None));
    }

    [Fact]
    public async Task ListAsync_SeveralDeletions_LatestFirstAtMostTake()
    {
        var records = Enumerable.Range(0, 4)
            .Select(i => DeletionRecord.Of(StorageSamples.Minimal() with { ClosedAtUtc = DeletedAt.AddDays(-400), RetainUntilUtc = DeletedAt.AddDays(-35) }, DeletedAt.AddMinutes(i), 0, 3))
            .ToList();
        foreach (var record in records)
        {
            await _log.AppendAsync(record, CancellationToken.None);
        }

        var listed = await _log.ListAsync(3, CancellationToken.None);

        Assert.Equal([records[3], records[2], records[1]], listed);
    }

    [Fact]
    public async Task AppendAsync_StoredRow_HoldsNoPersonalData()
    {
        var full = StorageSamples.Full();
        await _log.AppendAsync(DeletionRecord.Of(full, DeletedAt, 1, 5), CancellationToken.None);

        var row = Assert.Single(await _client.GetTableClient(_prefix + "Deletions").QueryAsync<TableEntity>().ToListAsync());

        var values = string.Join("\n", row.Select(p => p.Value?.ToString()));
        foreach (var personal in new[] { full.Details.Customer.Name, full.Details.Customer.Email!, full.Details.Customer.Phone!, "13800000000", full.Details.Subject, full.Details.Description[..20], full.SurveyComment!, full.Reply!, full.Details.Location! })
        {
            Assert.DoesNotContain(personal, values, StringComparison.Ordinal);
        }

        Assert.Contains(full.TrackingNumber, values, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListAsync_EveryOutcome_StoredAsItsWireName_AndANewerReleasesOutcomeReadsAsUnknown()
    {
        var records = Enum.GetValues<CaseOutcome>()
            .Select(outcome => DeletionRecord.Of(StorageSamples.Minimal() with
            {
                Outcome = outcome,
                ClosedAtUtc = DeletedAt.AddYears(-3),
                RetainUntilUtc = DeletedAt,
            }, DeletedAt, 0, 3))
            .ToList();
        foreach (var record in records)
        {
            await _log.AppendAsync(record, CancellationToken.None);
        }

        var table = _client.GetTableClient(_prefix + "Deletions");
        var rows = await table.QueryAsync<TableEntity>().ToListAsync();
        var stored = rows.Select(r => r.GetString("Outcome")).Order(StringComparer.Ordinal).ToList();
        var future = rows.Single(r => r.GetString("Outcome") == "resolved");
        future["Outcome"] = "mediated";
        await table.UpdateEntityAsync(future, future.ETag, TableUpdateMode.Replace);
        var listed = await _log.ListAsync(100, CancellationToken.None);

        Assert.Equal(
            Enum.GetValues<CaseOutcome>().Select(Workflow.Localization.WireNames.Of).Order(StringComparer.Ordinal),
            stored);
        Assert.Equal(records.Count, listed.Count);
        Assert.Equal(CaseOutcome.Unknown, listed.Single(r => r.TrackingNumber == future.GetString("TrackingNumber")).Outcome);
        Assert.Equal(records.Count(r => r.Outcome == CaseOutcome.Unknown) + 1, listed.Count(r => r.Outcome == CaseOutcome.Unknown));
    }
}
