using Azure.Data.Tables;
using ServerlessComplaints.Workflow.Activities;
using ServerlessComplaints.Workflow.AzureStorage;
using ServerlessComplaints.Workflow.Cases;
using ServerlessComplaints.Workflow.Lifecycle;
using ServerlessComplaints.Workflow.Workspace;
using static ServerlessComplaints.Integration.Tests.Workspace.QueueSamples;

namespace ServerlessComplaints.Integration.Tests.Workspace;

/// <summary>The dashboard contract on Azure Tables (Azurite), and the aggregate rows behind it.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TableDashboardTests(AzuriteFixture azurite) : DashboardContractTests
{
    private readonly string _prefix = AzuriteFixture.UniqueName("d");
    private TableServiceClient? _client;
    private TableComplaintStore? _store;

    private TableServiceClient Client => _client ??= new TableServiceClient(azurite.ConnectionString);

    private TableClient DashboardTable => Client.GetTableClient(_prefix + "Dashboard");

    [Fact]
    public async Task RecordProgress_RunTwice_CountsTheCaseOnce()
    {
        var (store, dashboard) = await CreateAsync();
        var record = At(new(2026, 3, 10, 2, 0, 0, DateTimeKind.Utc));
        await store.TryAddAsync(record, None);
        var activity = new RecordProgress(store, new InMemoryTimelineStore());
        var progress = new CaseProgress(record.TrackingNumber, record.TrackingNumber + "-005-offer-sent", new(2026, 3, 11, 2, 0, 0, DateTimeKind.Utc), "system", TimelineCodes.OfferSent)
        {
            Stage = CaseStage.Resolution,
            EscalationLevel = 1,
        };

        await activity.RunAsync(progress, None);
        var once = await RowsAsync();
        await activity.RunAsync(progress, None);

        var figures = await dashboard.ReadAsync(March, None);
        AssertSame(Expected([(await store.GetAsync(record.TrackingNumber, None))!], March), figures);
        Assert.Equal(1, figures.EscalatedToManager);
        Assert.Equal([new DashboardSla(DashboardClock.ComplaintResolution, "quality", 1, 0)], figures.Sla);
        Assert.Equal(Cells(once), Cells(await RowsAsync()));
    }

    [Fact]
    public async Task Apply_TheSameOrAnOlderVersionAgain_ChangesNoRow()
    {
        var (store, _) = await CreateAsync();
        var first = At(new(2026, 3, 10, 2, 0, 0, DateTimeKind.Utc));
        await store.TryAddAsync(first, None);
        var latest = await store.UpdateAsync(first.TrackingNumber, r => r with { Stage = CaseStage.Approval, DepartmentId = "service" }, None);
        var before = await RowsAsync();

        await _store!.Dashboard.ApplyAsync(latest, 2, None);
        await _store.Dashboard.ApplyAsync(first, 1, None);

        Assert.Equal(before, await RowsAsync());
    }

    [Fact]
    public async Task TryAddAsync_ManyCasesOfOneWeekAtOnce_CountsEveryOne()
    {
        var (store, dashboard) = await CreateAsync();
        var records = Enumerable.Range(0, 12).Select(i => At(new DateTime(2026, 3, 10, 2, i, 0, DateTimeKind.Utc))).ToList();

        await Task.WhenAll(records.Select(r => store.TryAddAsync(r, None)));

        Assert.Equal(12, (await dashboard.ReadAsync(March, None)).Received);
    }

    [Fact]
    public async Task RebuildAsync_AfterWrites_WritesTheSameAggregates()
    {
        var (store, dashboard) = await CreateAsync();
        var records = Varied();
        foreach (var record in records)
        {
            await store.TryAddAsync(record, None);
        }

        await store.UpdateAsync(records[3].TrackingNumber, r => r with { DepartmentId = "service", SurveyRating = 3 }, None);
        await store.DeleteAsync(records[4].TrackingNumber, None);
        var incremental = await RowsAsync();

        var read = await dashboard.RebuildAsync(None);

        Assert.Equal(records.Count - 1, read);
        Assert.Equal(incremental, await RowsAsync());
    }

    [Fact]
    public async Task ReadAsync_WithoutAggregates_RebuildsThemFromTheRecords()
    {
        var (store, _) = await CreateAsync();
        var records = Varied();
        await ((TableComplaintStore)store).AddManyAsync(records, None);
        await _store!.Dashboard.ClearAsync(None);

        var figures = await new TableDashboard(_store).ReadAsync(March, None);

        AssertSame(Expected(records, March), figures);
    }

    [Fact]
    public async Task ReadAsync_EntitiesRead_BoundedByWeeksAndDaysNotCases()
    {
        var (store, dashboard) = await CreateAsync();
        var partial = new DashboardFilter(new(2026, 3, 4), new(2026, 3, 17), "quality");
        await ((TableComplaintStore)store).AddManyAsync(Enumerable.Range(0, 40).Select(i => At(new DateTime(2026, 3, 2 + i % 27, 3, i, 0, DateTimeKind.Utc))), None);
        var fewer = await dashboard.ReadAsync(March, None);
        var fewerPartial = await dashboard.ReadAsync(partial, None);

        await ((TableComplaintStore)store).AddManyAsync(Enumerable.Range(0, 60).Select(i => At(new DateTime(2026, 3, 2 + i % 27, 4, i, 0, DateTimeKind.Utc))), None);
        var more = await dashboard.ReadAsync(March, None);
        var morePartial = await dashboard.ReadAsync(partial, None);

        // Four whole weeks: one cell each; 4-8 March and 16-17 March by day (7 day cells) and the week of 9 March.
        Assert.Equal(100, more.Received);
        Assert.Equal(4, more.EntitiesRead);
        Assert.Equal(fewer.EntitiesRead, more.EntitiesRead);
        Assert.Equal(8, morePartial.EntitiesRead);
        Assert.Equal(fewerPartial.EntitiesRead, morePartial.EntitiesRead);
    }

    protected override async Task<(IComplaintStore Store, IDashboard Dashboard)> CreateAsync()
    {
        _store = new TableComplaintStore(Client, _prefix, Shanghai);
        await _store.EnsureCreatedAsync(None);
        return (_store, new TableDashboard(_store));
    }

    // Every row but the marker as "partition|row|version|sorted measures or contribution".
    private async Task<List<string>> RowsAsync()
    {
        var rows = new List<string>();
        await foreach (var row in DashboardTable.QueryAsync<TableEntity>("PartitionKey ne 'marker'"))
        {
            var content = row.RowKey.StartsWith("case|", StringComparison.Ordinal)
                ? row.GetInt64("Version") + "|" + row.GetString("Contribution")
                : string.Join(";", DashboardEntities.Measures(row).OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => m.Key + "=" + m.Value));
            rows.Add(row.PartitionKey + "|" + row.RowKey + "|" + content);
        }

        return [.. rows.Order(StringComparer.Ordinal)];
    }

    private static List<string> Cells(List<string> rows) => [.. rows.Where(r => !r.Contains("|case|", StringComparison.Ordinal))];
}
