using Azure;
using Azure.Data.Tables;
using ServerlessComplaints.Workflow.AzureStorage;
using ServerlessComplaints.Workflow.Cases;
using ServerlessComplaints.Workflow.Domain;
using ServerlessComplaints.Workflow.Lifecycle;
using ServerlessComplaints.Workflow.Workspace;
using static ServerlessComplaints.Integration.Tests.Workspace.QueueSamples;

namespace ServerlessComplaints.Integration.Tests.Workspace;

/// <summary>The staff queue contract on Azure Tables (Azurite), and the projection rows behind it.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TableStaffQueueTests(AzuriteFixture azurite) : StaffQueueContractTests
{
    private readonly string _prefix = AzuriteFixture.UniqueName("q");
    private TableServiceClient? _client;

    private TableServiceClient Client => _client ??= new TableServiceClient(azurite.ConnectionString);

    private TableClient QueueTable => Client.GetTableClient(_prefix + "StaffQueue");

    private TableClient TermsTable => Client.GetTableClient(_prefix + "SearchTerms");

    [Fact]
    public async Task Projection_SameUpdateTwice_WritesTheSameRows()
    {
        var (store, _) = await CreateAsync();
        var tn = await AddAsync(store, Case(subject: "座椅加热不工作"));
        await store.UpdateAsync(tn, r => r with { OwnerId = "han.mei", EscalationLevel = 1 }, None);
        var once = await RowsOfAsync(tn);

        await store.UpdateAsync(tn, r => r with { OwnerId = "han.mei", EscalationLevel = 1 }, None);
        var twice = await RowsOfAsync(tn);

        // The version moves on with every write of the record; everything else is the same, nothing counted twice.
        Assert.Equal(Without(once, "Version"), Without(twice, "Version"));
        Assert.Equal(9, once.Count(r => r.StartsWith("open|", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Projection_RetriedAdd_WritesTheSameRows()
    {
        var (store, _) = await CreateAsync();
        var record = Case();
        await AddAsync(store, record);
        var once = await RowsOfAsync(record.TrackingNumber);

        var added = await store.TryAddAsync(record, None);

        Assert.False(added);
        Assert.Equal(once, await RowsOfAsync(record.TrackingNumber));
    }

    [Fact]
    public async Task Projection_OwnerChangeClosingAndDeletion_LeaveNoOldRows()
    {
        var (store, _) = await CreateAsync();
        var tn = await AddAsync(store, Case());

        await store.UpdateAsync(tn, r => r with { OwnerId = "han.mei" }, None);
        var moved = await RowsOfAsync(tn);
        await store.UpdateAsync(tn, r => r with { Stage = CaseStage.Closed, ClosedAtUtc = Now }, None);
        var closed = await RowsOfAsync(tn);
        await store.DeleteAsync(tn, None);
        var deleted = await RowsOfAsync(tn);

        Assert.DoesNotContain(moved, r => r.Contains("o|li.lei", StringComparison.Ordinal));
        Assert.Equal(3, moved.Count(r => r.StartsWith("open|o|han.mei\t", StringComparison.Ordinal)));
        Assert.DoesNotContain(closed, r => r.StartsWith("open|", StringComparison.Ordinal));
        Assert.Equal(9, closed.Count(r => r.StartsWith("closed|", StringComparison.Ordinal)));
        Assert.Empty(deleted);
    }

    [Fact]
    public async Task Postings_HoldCustomerDetailsOnlyHashed()
    {
        var (store, _) = await CreateAsync();
        var tn = await AddAsync(store, Case(subject: "座椅加热不工作", customer: new Customer("Li Na", "li.na@example.com", "+86 139-1234-5678")));

        var postings = await TermsTable.QueryAsync<TableEntity>().Select(r => r.PartitionKey + "|" + r.RowKey).ToListAsync();

        Assert.Contains(postings, p => p.StartsWith("w:加热|", StringComparison.Ordinal) && p.EndsWith(tn, StringComparison.Ordinal));
        Assert.Equal(2, postings.Count(p => p.StartsWith("p:", StringComparison.Ordinal)));
        Assert.DoesNotContain(postings, p => p.Contains("li.na", StringComparison.OrdinalIgnoreCase)
            || p.Contains("example", StringComparison.Ordinal) || p.Contains("1234", StringComparison.Ordinal) || p.Contains("w:li|", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ListAsync_ProjectionStaleAfterACrash_ShowsTheRecordAndRepairsTheRows()
    {
        var (store, queue) = await CreateAsync();
        var tn = await AddAsync(store, Case());
        var before = await SnapshotAsync();

        // The record changes owner, then the process "crashes" before the projection is written: the old rows stay.
        await store.UpdateAsync(tn, r => r with { OwnerId = "han.mei" }, None);
        await RestoreAsync(before);

        var lisQueue = await queue.ListAsync(LiLei, new StaffQueueRequest(), None);
        var hansQueue = await queue.ListAsync(HanMei, new StaffQueueRequest(), None);

        Assert.Empty(lisQueue.Rows);
        Assert.Equal([tn], Numbers(hansQueue));
        Assert.DoesNotContain(await RowsOfAsync(tn), r => r.Contains("o|li.lei", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ListAsync_ProjectionNeverBuilt_RebuildsItFromTheRecordsOnce()
    {
        var (store, _) = await CreateAsync();
        var first = await AddAsync(store, Case(due: Now.AddHours(1), subject: "座椅加热不工作"));
        var second = await AddAsync(store, Case(due: Now.AddHours(2), subject: "送货太慢"));
        await RestoreAsync([]);
        var queue = new TableStaffQueue((TableComplaintStore)store, Calendar, Clock);

        var page = await queue.ListAsync(LiLei, new StaffQueueRequest(), None);
        var search = await queue.ListAsync(LiLei, new StaffQueueRequest(Search: "加热"), None);

        Assert.Equal([first, second], Numbers(page));
        Assert.Equal([first], Numbers(search));
        Assert.True((await QueueTable.GetEntityIfExistsAsync<TableEntity>("marker", "projection-v1")).HasValue);
    }

    [Fact]
    public async Task ListAsync_ManyCases_ReadsAboutAPageOfEntities()
    {
        var (store, queue) = await CreateAsync();
        await Task.WhenAll(Enumerable.Range(0, 40).Select(i => AddAsync(store, Case(due: Now.AddHours(i + 1), owner: i % 2 == 0 ? "li.lei" : "han.mei"))));
        var needle = await AddAsync(store, Case(customer: new Customer("Li Na", "li.na@example.com", null)));

        var mine = await queue.ListAsync(LiLei, new StaffQueueRequest(PageSize: 5), None);
        var all = await queue.ListAsync(Manager, new StaffQueueRequest(QueueScope.All, PageSize: 5), None);
        var email = await queue.ListAsync(Manager, new StaffQueueRequest(QueueScope.All, Search: "li.na@example.com"), None);

        // Six queue rows (a page and one to tell whether more follow) plus a point read per row shown.
        Assert.Equal(5, mine.Rows.Count);
        Assert.Equal(11, mine.EntitiesRead);
        Assert.Equal(11, all.EntitiesRead);
        Assert.Equal([needle], Numbers(email));
        Assert.InRange(email.EntitiesRead, 2, 4);
    }

    [Fact]
    public async Task AddManyAsync_NewCases_ProjectsThemAsTryAddWouldAndSkipsExistingOnes()
    {
        var (store, queue) = await CreateAsync();
        var table = (TableComplaintStore)store;
        var records = Enumerable.Range(0, 30).Select(i => Case(due: Now.AddHours(i + 1), subject: i == 7 ? "座椅加热不工作" : "送货太慢", owner: i % 3 == 0 ? "han.mei" : "li.lei")).ToList();
        await AddAsync(store, records[0]);
        var single = await RowsOfAsync(records[0].TrackingNumber);

        var added = await table.AddManyAsync(records, None);
        var page = await queue.ListAsync(Supervisor, new StaffQueueRequest(QueueScope.Department, PageSize: 50), None);
        var search = await queue.ListAsync(Supervisor, new StaffQueueRequest(QueueScope.Department, Search: "加热"), None);
        await table.AddManyAsync(records[1..2], None);

        Assert.Equal(29, added);
        Assert.Equal(records.Select(r => r.TrackingNumber), Numbers(page));
        Assert.Equal([records[7].TrackingNumber], Numbers(search));
        Assert.Equal(single, await RowsOfAsync(records[0].TrackingNumber));
        Assert.Equal(Shape(single), Shape(await RowsOfAsync(records[3].TrackingNumber)));
    }

    protected override async Task<(IComplaintStore Store, IStaffQueue Queue)> CreateAsync()
    {
        var store = new TableComplaintStore(Client, _prefix);
        await store.EnsureCreatedAsync(None);
        return (store, new TableStaffQueue(store, Calendar, Clock));
    }

    protected override Task<IReadOnlyList<CustomerCase>> OtherCasesAsync(IComplaintStore store, Customer customer, string excluded) =>
        ((ICustomerCases)store).ListOtherCasesAsync(customer, excluded, 20, None);

    // The case's queue and posting rows as "partition \t row: column=value; …", sorted, timestamps left out.
    private async Task<List<string>> RowsOfAsync(string trackingNumber)
    {
        var rows = new List<string>();
        foreach (var table in new[] { QueueTable, TermsTable })
        {
            await foreach (var row in table.QueryAsync<TableEntity>())
            {
                if (row.RowKey.EndsWith("|" + trackingNumber, StringComparison.Ordinal))
                {
                    var columns = row.Keys.Where(k => k is not ("odata.etag" or "Timestamp" or "PartitionKey" or "RowKey")).Order(StringComparer.Ordinal).Select(k => $"{k}={row[k]}");
                    rows.Add($"{row.PartitionKey}\t{row.RowKey}: {string.Join("; ", columns)}");
                }
            }
        }

        rows.Sort(StringComparer.Ordinal);
        return rows;
    }

    // The rows without the tracking number, receipt and due times: what two like cases share.
    private static List<string> Shape(List<string> rows) =>
        [.. rows.Select(r => System.Text.RegularExpressions.Regex.Replace(r, @"CMP-\d{8}-[0-9A-Z]{6}|\d{19}|t:[0-9a-f]{2}\t[0-9a-f]{64}|(Received|Due)[A-Za-z]*=[^;]*", "·")).Order(StringComparer.Ordinal)];

    private static List<string> Without(List<string> rows, string column) =>
        [.. rows.Select(r => string.Join("; ", r.Split("; ").Where(part => !part.StartsWith(column + "=", StringComparison.Ordinal) && !part.Contains(": " + column + "=", StringComparison.Ordinal))))];

    private async Task<List<(TableClient Table, TableEntity Row)>> SnapshotAsync()
    {
        var rows = new List<(TableClient, TableEntity)>();
        foreach (var table in new[] { QueueTable, TermsTable })
        {
            await foreach (var row in table.QueryAsync<TableEntity>())
            {
                rows.Add((table, row));
            }
        }

        return rows;
    }

    // Puts both projection tables back to exactly the snapshot (an empty one removes the marker too).
    private async Task RestoreAsync(List<(TableClient Table, TableEntity Row)> snapshot)
    {
        foreach (var (table, row) in await SnapshotAsync())
        {
            await table.DeleteEntityAsync(row.PartitionKey, row.RowKey, ETag.All);
        }

        foreach (var (table, row) in snapshot)
        {
            await table.UpsertEntityAsync(row, TableUpdateMode.Replace);
        }
    }
}
