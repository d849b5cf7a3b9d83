using Azure.Data.Tables;
using ServerlessComplaints.Workflow.AzureStorage;
using ServerlessComplaints.Workflow.Assessment;
using ServerlessComplaints.Workflow.Calendar;
using ServerlessComplaints.Workflow.Cases;
using ServerlessComplaints.Workflow.Localization;

namespace ServerlessComplaints.Integration.Tests.Storage;

[Collection(AzuriteCollection.Name)]
public sealed class TableTimelineStoreTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly DateTime At = new DateTime(2026, 11, 21, 2, 0, 0, DateTimeKind.Utc).AddTicks(1234567);

    private readonly string _trackingNumber = StorageSamples.NewTrackingNumber();
    private readonly string _prefix = AzuriteFixture.UniqueName("tl");
    private TableTimelineStore _store = null!;

    public async Task InitializeAsync()
    {
        _store = new TableTimelineStore(new TableServiceClient(azurite.ConnectionString), _prefix);
        await _store.EnsureCreatedAsync(CancellationToken.None);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task AppendAsync_SameEntryTwice_AppendsOnce()
    {
        var entry = Entry("001-received", At, "收到投诉");

        var first = await _store.AppendAsync(entry, CancellationToken.None);
        var second = await _store.AppendAsync(entry with { Detail = "retried" }, CancellationToken.None);

        var timeline = await _store.ListAsync(_trackingNumber, CancellationToken.None);
        Assert.True(first);
        Assert.False(second);
        Assert.Equal([entry], timeline);
    }

    [Fact]
    public async Task ListAsync_ReturnsEntriesExactlyByTimeThenInsertion()
    {
        var late = Entry("003-offer-sent", At.AddMinutes(5), null, isPublic: false);
        var tieFirst = Entry("zz-assigned", At, "派给 李雷");
        var tieSecond = Entry("aa-acknowledged", At, "已确认");
        var earliest = Entry("000-received", At.AddTicks(-1), "收到");
        foreach (var entry in new[] { late, tieFirst, tieSecond, earliest })
        {
            await _store.AppendAsync(entry, CancellationToken.None);
        }

        var timeline = await _store.ListAsync(_trackingNumber, CancellationToken.None);

        Assert.Equal([earliest, tieFirst, tieSecond, late], timeline);
    }

    [Fact]
    public async Task AppendAsync_EntryIdWithKeyForbiddenCharacters_IsStoredAndListedUnchanged()
    {
        var entry = Entry("004-note/staff#1?x\\y%'\u0007", At, "odd id");

        var added = await _store.AppendAsync(entry, CancellationToken.None);
        var addedAgain = await _store.AppendAsync(entry, CancellationToken.None);

        Assert.True(added);
        Assert.False(addedAgain);
        Assert.Equal([entry], await _store.ListAsync(_trackingNumber, CancellationToken.None));
    }

    [Fact]
    public async Task ListAsync_OtherCase_IsNotMixedIn()
    {
        await _store.AppendAsync(Entry("001-received", At, null), CancellationToken.None);

        var other = await _store.ListAsync(StorageSamples.NewTrackingNumber(), CancellationToken.None);

        Assert.Empty(other);
    }

    [Fact]
    public async Task AppendAsync_EntryWithParameters_ListedWithThem()
    {
        var entry = Entry("005-offer-sent", At, "refund 599.00: 退款") with
        {
            Parameters = new Dictionary<string, string> { ["remedy"] = "refund", ["amount"] = "599.00", ["text"] = "退款 {owner}" },
        };

        await _store.AppendAsync(entry, CancellationToken.None);

        var listed = Assert.Single(await _store.ListAsync(_trackingNumber, CancellationToken.None));
        Assert.Equal(entry with { Parameters = null }, listed with { Parameters = null });
        Assert.Equal(entry.Parameters, listed.Parameters);
    }

    [Fact]
    public async Task ListAsync_RowWrittenBeforeParameters_ListedWithoutThem_AndRendersFromDetail()
    {
        // A row as the release before timeline parameters wrote it: no Parameters column.
        var table = new TableServiceClient(azurite.ConnectionString).GetTableClient(_prefix + "Timeline");
        await table.AddEntityAsync(new TableEntity(_trackingNumber, $"{_trackingNumber}-006-executed")
        {
            ["EntryId"] = $"{_trackingNumber}-006-executed", ["AtUtc"] = new DateTimeOffset(At), ["AtTicks"] = At.Ticks,
            ["Actor"] = "zhang.wei", ["Action"] = "executed", ["Detail"] = "reference EX-88231", ["IsPublic"] = true, ["Sequence"] = 1L,
        });

        var old = Assert.Single(await _store.ListAsync(_trackingNumber, CancellationToken.None));
        var renderer = new TimelineText(new CaseTimes(BusinessCalendar.LoadRegion("CN")), new StaffDirectory(StaffDirectoryOptions.Sample()));
        var zh = renderer.Render(old, CaseCulture.Chinese);
        var en = renderer.Render(old, CaseCulture.English);

        Assert.Null(old.Parameters);
        Assert.Equal(("处理方案已执行", "reference EX-88231", "张伟"), (zh.Text, zh.Quote, zh.Actor));
        Assert.Equal(("Remedy carried out", "2026年11月21日 10:00 (UTC+8)"), (en.Text, zh.When));
    }

    private TimelineEntry Entry(string suffix, DateTime at, string? detail, bool isPublic = true) =>
        new(_trackingNumber, $"{_trackingNumber}-{suffix}", at, "system", suffix, detail, isPublic);
}
