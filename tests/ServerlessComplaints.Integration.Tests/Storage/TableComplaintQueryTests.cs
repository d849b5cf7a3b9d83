using Azure.Data.Tables;
using ServerlessComplaints.Workflow.AzureStorage;
using ServerlessComplaints.Workflow.Cases;
using ServerlessComplaints.Workflow.Domain;
using ServerlessComplaints.Workflow.Lifecycle;

namespace ServerlessComplaints.Integration.Tests.Storage;

/// <summary>The staff queue and the repeat-customer count, each checked against the in-memory store as the reference.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TableComplaintQueryTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly DateTime Now = new(2026, 11, 30, 0, 0, 0, DateTimeKind.Utc);

    private readonly InMemoryComplaintStore _reference = new();
    private TableComplaintStore _store = null!;

    public async Task InitializeAsync()
    {
        _store = new TableComplaintStore(new TableServiceClient(azurite.ConnectionString), AzuriteFixture.UniqueName("q"));
        await _store.EnsureCreatedAsync(CancellationToken.None);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public static TheoryData<string> Queries => ["all", "stage", "kind", "category", "overdue", "stage+kind", "take"];

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task QueryAsync_Filter_MatchesTheInMemoryStoreInOrder(string name)
    {
        await AddQueueAsync();
        var query = name switch
        {
            "all" => new CaseQuery(),
            "stage" => new CaseQuery(Stage: CaseStage.Investigation),
            "kind" => new CaseQuery(Kind: ComplaintKind.Inquiry),
            "category" => new CaseQuery(Category: Category.Delivery),
            "overdue" => new CaseQuery(OverdueAtUtc: Now),
            "stage+kind" => new CaseQuery(Stage: CaseStage.Investigation, Kind: ComplaintKind.Complaint),
            _ => new CaseQuery(Take: 3),
        };

        var found = await _store.QueryAsync(query, CancellationToken.None);

        var expected = await _reference.QueryAsync(query, CancellationToken.None);
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Select(r => r.TrackingNumber), found.Select(r => r.TrackingNumber));
    }

    [Fact]
    public async Task QueryAsync_All_OrdersByUrgencyThenDueDate()
    {
        await AddQueueAsync();

        var found = await _store.QueryAsync(new CaseQuery(), CancellationToken.None);

        Assert.Equal(8, found.Count);
        Assert.Equal([Urgency.Urgent, Urgency.Urgent], found.Take(2).Select(r => r.Urgency));
        Assert.Equal([Now.AddDays(-1), Now.AddDays(5)], found.Take(2).Select(r => r.DueAtUtc!.Value));
        Assert.Null(found[^2].DueAtUtc);
        Assert.Equal(Urgency.Low, found[^1].Urgency);
    }

    [Fact]
    public async Task CountRecentByCustomerAsync_ByEmailOrPhone_CountsOtherRecentCasesOnce()
    {
        var since = Now.AddDays(-30);
        var wang = new Customer("王芳", "Wang.Fang@example.cn", "+86 138-0000-0000");
        var current = await AddAsync(StorageSamples.Minimal(customer: wang, receivedAtUtc: Now));
        await AddAsync(StorageSamples.Minimal(customer: wang, receivedAtUtc: Now.AddDays(-2)));
        await AddAsync(StorageSamples.Minimal(customer: new Customer("W", "wang.fang@EXAMPLE.cn", null), receivedAtUtc: Now.AddDays(-3)));
        await AddAsync(StorageSamples.Minimal(customer: new Customer("W", null, "8613800000000"), receivedAtUtc: Now.AddDays(-4)));
        await AddAsync(StorageSamples.Minimal(customer: wang, receivedAtUtc: Now.AddDays(-31)));
        await AddAsync(StorageSamples.Minimal(customer: new Customer("李雷", "li.lei@example.cn", "+86 139 1111 1111"), receivedAtUtc: Now));

        var count = await _store.CountRecentByCustomerAsync(wang, since, current.TrackingNumber, CancellationToken.None);

        Assert.Equal(3, count);
        Assert.Equal(await _reference.CountRecentByCustomerAsync(wang, since, current.TrackingNumber, CancellationToken.None), count);
    }

    [Theory]
    [InlineData("wang.fang@example.cn", null)]
    [InlineData(null, "+86 (138) 0000 0000")]
    public async Task CountRecentByCustomerAsync_OneContactDetail_MatchesTheInMemoryStore(string? email, string? phone)
    {
        var since = Now.AddDays(-30);
        var customer = new Customer("王芳", email, phone);
        await AddAsync(StorageSamples.Minimal(customer: new Customer("王芳", "WANG.FANG@example.cn", null), receivedAtUtc: Now.AddDays(-1)));
        await AddAsync(StorageSamples.Minimal(customer: new Customer("王芳", null, "+8613800000000"), receivedAtUtc: Now.AddDays(-1)));
        await AddAsync(StorageSamples.Minimal(customer: new Customer("王芳", "other@example.cn", "138"), receivedAtUtc: Now.AddDays(-1)));

        var count = await _store.CountRecentByCustomerAsync(customer, since, "", CancellationToken.None);

        Assert.Equal(1, count);
        Assert.Equal(await _reference.CountRecentByCustomerAsync(customer, since, "", CancellationToken.None), count);
    }

    [Fact]
    public async Task CountRecentByCustomerAsync_ReceivedExactlyAtTheWindowStart_IsCounted()
    {
        var customer = new Customer("王芳", "wang.fang@example.cn", null);
        await AddAsync(StorageSamples.Minimal(customer: customer, receivedAtUtc: Now.AddDays(-30)));

        var count = await _store.CountRecentByCustomerAsync(customer, Now.AddDays(-30), "", CancellationToken.None);

        Assert.Equal(1, count);
    }

    private async Task<ComplaintRecord> AddAsync(ComplaintRecord record)
    {
        Assert.True(await _store.TryAddAsync(record, CancellationToken.None));
        await _reference.TryAddAsync(record, CancellationToken.None);
        return record;
    }

    private async Task AddQueueAsync()
    {
        var received = Now.AddDays(-10);
        ComplaintRecord Case(ComplaintKind kind, Category category, CaseStage stage, Urgency urgency, int? dueInDays, bool closed = false) =>
            StorageSamples.Minimal(receivedAtUtc: received, kind: kind, category: category) with
            {
                Stage = stage,
                Urgency = urgency,
                DueAtUtc = dueInDays is { } days ? Now.AddDays(days) : null,
                ClosedAtUtc = closed ? Now.AddDays(-1) : null,
            };

        await AddAsync(Case(ComplaintKind.Complaint, Category.ProductQuality, CaseStage.Investigation, Urgency.Normal, 2));
        await AddAsync(Case(ComplaintKind.Complaint, Category.Delivery, CaseStage.Investigation, Urgency.Urgent, 5));
        await AddAsync(Case(ComplaintKind.Complaint, Category.Delivery, CaseStage.Approval, Urgency.Urgent, -1));
        await AddAsync(Case(ComplaintKind.Inquiry, Category.Other, CaseStage.Investigation, Urgency.Low, -3));
        await AddAsync(Case(ComplaintKind.Inquiry, Category.Price, CaseStage.Closed, Urgency.Normal, -5, closed: true));
        await AddAsync(Case(ComplaintKind.Suggestion, Category.Facilities, CaseStage.Intake, Urgency.Normal, null));
        await AddAsync(Case(ComplaintKind.Complaint, Category.ServiceAttitude, CaseStage.Investigation, Urgency.Normal, 2));
        await AddAsync(Case(ComplaintKind.Complaint, Category.Delivery, CaseStage.Resolution, Urgency.Normal, -2));
    }
}
