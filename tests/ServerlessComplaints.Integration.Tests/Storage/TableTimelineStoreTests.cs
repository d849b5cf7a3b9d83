using Azure.Data.Tables;
using ServerlessComplaints.Workflow.AzureStorage;
using ServerlessComplaints.Workflow.Cases;

namespace ServerlessComplaints.Integration.Tests.Storage;

[Collection(AzuriteCollection.Name)]
public sealed class TableTimelineStoreTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly DateTime At = new DateTime(2026, 11, 21, 2, 0, 0, DateTimeKind.Utc).AddTicks(1234567);

    private readonly string _trackingNumber = StorageSamples.NewTrackingNumber();
    private TableTimelineStore _store = null!;

    public async Task InitializeAsync()
    {
        _store = new TableTimelineStore(new TableServiceClient(azurite.ConnectionString), AzuriteFixture.UniqueName("tl"));
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

    private TimelineEntry Entry(string suffix, DateTime at, string? detail, bool isPublic = true) =>
        new(_trackingNumber, $"{_trackingNumber}-{suffix}", at, "system", suffix, detail, isPublic);
}
