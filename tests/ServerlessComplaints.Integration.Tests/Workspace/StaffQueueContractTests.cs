using ServerlessComplaints.Workflow.Cases;
using ServerlessComplaints.Workflow.Domain;
using ServerlessComplaints.Workflow.Lifecycle;
using ServerlessComplaints.Workflow.Workspace;
using static ServerlessComplaints.Integration.Tests.Workspace.QueueSamples;

namespace ServerlessComplaints.Integration.Tests.Workspace;

/// <summary>
/// What every <see cref="IStaffQueue"/> does, run once per store by the subclasses: scopes and their refusal, filters,
/// orders, paging, search (Chinese by characters, email, phone, tracking number), and the queue following each write.
/// </summary>
public abstract class StaffQueueContractTests
{
    protected static readonly CancellationToken None = CancellationToken.None;

    protected abstract Task<(IComplaintStore Store, IStaffQueue Queue)> CreateAsync();

    protected abstract Task<IReadOnlyList<CustomerCase>> OtherCasesAsync(IComplaintStore store, Customer customer, string excluded);

    [Fact]
    public async Task ListAsync_Mine_ListsTheViewersOpenCasesEarliestDueFirst()
    {
        var (store, queue) = await CreateAsync();
        var later = await AddAsync(store, Case(due: Now.AddDays(3)));
        var sooner = await AddAsync(store, Case(due: Now.AddHours(5)));
        var noDeadline = await AddAsync(store, Case() with { DueAtUtc = null });
        await AddAsync(store, Case(owner: "han.mei"));
        await AddAsync(store, Case(closed: true));

        var page = await queue.ListAsync(LiLei, new StaffQueueRequest(), None);

        Assert.Equal([sooner, later, noDeadline], Numbers(page));
        Assert.False(page.HasMore);
    }

    [Fact]
    public async Task ListAsync_Department_ListsTheViewersDepartmentOnly()
    {
        var (store, queue) = await CreateAsync();
        var mine = await AddAsync(store, Case());
        var colleagues = await AddAsync(store, Case(owner: "han.mei"));
        await AddAsync(store, Case(owner: "wu.gang", department: "delivery"));

        var page = await queue.ListAsync(Supervisor, new StaffQueueRequest(QueueScope.Department), None);
        var otherDepartment = await queue.ListAsync(Supervisor, new StaffQueueRequest(QueueScope.Department, DepartmentId: "delivery"), None);

        Assert.Equal(new[] { mine, colleagues }.Order(StringComparer.Ordinal), Numbers(page).Order(StringComparer.Ordinal));
        Assert.Empty(otherDepartment.Rows);
    }

    [Fact]
    public async Task ListAsync_AllBelowManager_IsRefusedAndAManagerSeesEveryDepartment()
    {
        var (store, queue) = await CreateAsync();
        var quality = await AddAsync(store, Case());
        var delivery = await AddAsync(store, Case(owner: "wu.gang", department: "delivery"));

        var all = await queue.ListAsync(Manager, new StaffQueueRequest(QueueScope.All), None);

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => queue.ListAsync(Supervisor, new StaffQueueRequest(QueueScope.All), None));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => queue.ListAsync(LiLei, new StaffQueueRequest(QueueScope.All), None));
        Assert.Equal(new[] { quality, delivery }.Order(StringComparer.Ordinal), Numbers(all).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ListAsync_Filters_KeepOnlyMatchingCases()
    {
        var (store, queue) = await CreateAsync();
        var overdue = await AddAsync(store, Case(due: Now.AddHours(-2), escalation: 1));
        var inquiry = await AddAsync(store, Case(kind: ComplaintKind.Inquiry, category: Category.Price, location: "Hongqiao Store", stage: CaseStage.Resolution));
        var old = await AddAsync(store, Case(received: new DateTime(2026, 3, 9, 17, 0, 0, DateTimeKind.Utc)));

        async Task<IReadOnlyList<string>> With(StaffQueueRequest request) => Numbers(await queue.ListAsync(LiLei, request, None));

        Assert.Equal([overdue], await With(new StaffQueueRequest(OverdueOnly: true)));
        Assert.Equal([overdue], await With(new StaffQueueRequest(EscalatedOnly: true, Sort: QueueSort.Received)));
        Assert.Equal([inquiry], await With(new StaffQueueRequest(Kind: ComplaintKind.Inquiry)));
        Assert.Equal([inquiry], await With(new StaffQueueRequest(Category: Category.Price, Sort: QueueSort.Escalation)));
        Assert.Equal([inquiry], await With(new StaffQueueRequest(Location: " hongqiao store ")));
        Assert.Equal([inquiry], await With(new StaffQueueRequest(Stage: CaseStage.Resolution)));

        // 17:00 UTC on 9 March is 01:00 on 10 March in Shanghai: the date range is in the calendar's zone.
        Assert.Equal([old], await With(new StaffQueueRequest(ReceivedFrom: new DateOnly(2026, 3, 10), ReceivedTo: new DateOnly(2026, 3, 10), Sort: QueueSort.Received)));
        Assert.Equal([old], await With(new StaffQueueRequest(ReceivedFrom: new DateOnly(2026, 3, 10), ReceivedTo: new DateOnly(2026, 3, 10))));
        Assert.Empty(await With(new StaffQueueRequest(ReceivedFrom: new DateOnly(2026, 3, 9), ReceivedTo: new DateOnly(2026, 3, 9))));
        Assert.Empty(await With(new StaffQueueRequest(OwnerId: "han.mei")));
    }

    [Fact]
    public async Task ListAsync_Orders_ReceivedNewestFirstAndEscalationHighestFirst()
    {
        var (store, queue) = await CreateAsync();
        var a = await AddAsync(store, Case(received: Now.AddDays(-3), due: Now.AddDays(1), escalation: 1));
        var b = await AddAsync(store, Case(received: Now.AddDays(-1), due: Now.AddDays(2), escalation: 2));
        var c = await AddAsync(store, Case(received: Now.AddDays(-2), due: Now.AddHours(1)));
        var d = await AddAsync(store, Case(received: Now.AddDays(-4), due: Now.AddHours(2), escalation: 1));

        var received = await queue.ListAsync(LiLei, new StaffQueueRequest(Sort: QueueSort.Received), None);
        var escalation = await queue.ListAsync(LiLei, new StaffQueueRequest(Sort: QueueSort.Escalation), None);
        var due = await queue.ListAsync(LiLei, new StaffQueueRequest(), None);

        Assert.Equal([b, c, a, d], Numbers(received));
        Assert.Equal([b, d, a, c], Numbers(escalation));
        Assert.Equal([c, d, a, b], Numbers(due));
    }

    [Fact]
    public async Task ListAsync_Pages_SayWhetherMoreFollow()
    {
        var (store, queue) = await CreateAsync();
        var numbers = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            numbers.Add(await AddAsync(store, Case(due: Now.AddHours(i + 1))));
        }

        var first = await queue.ListAsync(LiLei, new StaffQueueRequest(PageSize: 3), None);
        var third = await queue.ListAsync(LiLei, new StaffQueueRequest(Page: 3, PageSize: 3), None);
        var searched = await queue.ListAsync(LiLei, new StaffQueueRequest(Search: "加热", Page: 2, PageSize: 3), None);

        Assert.Equal(numbers[..3], Numbers(first));
        Assert.True(first.HasMore);
        Assert.Equal(numbers[6..], Numbers(third));
        Assert.False(third.HasMore);
        Assert.Equal(numbers[3..6], Numbers(searched));
        Assert.True(searched.HasMore);
    }

    [Fact]
    public async Task ListAllAsync_ListsEveryMatchInTheQueuesOrderUpToTheCap()
    {
        var (store, queue) = await CreateAsync();
        var numbers = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            numbers.Add(await AddAsync(store, Case(due: Now.AddHours(7 - i), owner: i % 3 == 2 ? "han.mei" : "li.lei")));
        }

        await AddAsync(store, Case(closed: true));
        var mine = numbers.Where((_, i) => i % 3 != 2).Reverse().ToList();

        var all = await ToListAsync(queue.ListAllAsync(LiLei, new StaffQueueRequest(Page: 4, PageSize: 1), 100, None));
        var cut = await ToListAsync(queue.ListAllAsync(LiLei, new StaffQueueRequest(), 3, None));
        var department = await ToListAsync(queue.ListAllAsync(Supervisor, new StaffQueueRequest(Scope: QueueScope.Department), 100, None));
        var searched = await ToListAsync(queue.ListAllAsync(LiLei, new StaffQueueRequest(Search: "加热"), 2, None));

        // Page and page size are not used; the order is the queue's (earliest due first); the cap cuts.
        Assert.Equal(mine, all);
        Assert.Equal(mine[..3], cut);
        Assert.Equal(Enumerable.Reverse(numbers), department);
        Assert.Equal(2, searched.Count);
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => ToListAsync(queue.ListAllAsync(LiLei, new StaffQueueRequest(Scope: QueueScope.All), 100, None)));
    }

    [Fact]
    public async Task ListAsync_ChineseTwoCharacterWord_FindsTheCaseInSubjectOrDescription()
    {
        var (store, queue) = await CreateAsync();
        var seat = await AddAsync(store, Case(subject: "座椅加热不工作", description: "冬天开车很冷。"));
        var described = await AddAsync(store, Case(subject: "投诉", description: "电热毯加热太慢"));
        await AddAsync(store, Case(subject: "座椅通风不工作", description: "热得很。"));

        var found = await queue.ListAsync(LiLei, new StaffQueueRequest(Search: "加热"), None);
        var phrase = await queue.ListAsync(LiLei, new StaffQueueRequest(Search: "座椅加热"), None);
        var single = await queue.ListAsync(LiLei, new StaffQueueRequest(Search: "毯"), None);
        var missing = await queue.ListAsync(LiLei, new StaffQueueRequest(Search: "加冷"), None);

        Assert.Equal(new[] { seat, described }.Order(StringComparer.Ordinal), Numbers(found).Order(StringComparer.Ordinal));
        Assert.Equal([seat], Numbers(phrase));
        Assert.Equal([described], Numbers(single));
        Assert.Empty(missing.Rows);
    }

    [Fact]
    public async Task ListAsync_SearchByCustomerOrTrackingNumber_FindsTheirCasesClosedOnesToo()
    {
        var (store, queue) = await CreateAsync();
        var customer = new Customer("Li Na", "Li.Na@Example.com", "+86 139-1234-5678");
        var open = await AddAsync(store, Case(customer: customer, subject: "Rice cooker does not heat"));
        var closed = await AddAsync(store, Case(customer: customer, closed: true));
        var other = await AddAsync(store, Case());

        async Task<IReadOnlyList<string>> Search(string text) =>
            [.. Numbers(await queue.ListAsync(LiLei, new StaffQueueRequest(Search: text), None)).Order(StringComparer.Ordinal)];

        var both = new[] { open, closed }.Order(StringComparer.Ordinal).ToList();
        Assert.Equal(both, await Search("li.na@example.com"));
        Assert.Equal(both, await Search("13912345678"));
        Assert.Equal(both, await Search("+86 139 1234 5678"));
        Assert.Equal(both, await Search("li na"));
        Assert.Equal([other], await Search(other.ToLowerInvariant()));
        Assert.Equal([open], await Search("COOKER heat"));
        Assert.Empty(await Search("cook"));
        Assert.Equal([open], Numbers(await queue.ListAsync(LiLei, new StaffQueueRequest(Search: "li.na@example.com", Stage: CaseStage.Investigation), None)));
        Assert.Equal([closed], Numbers(await queue.ListAsync(LiLei, new StaffQueueRequest(Stage: CaseStage.Closed), None)));
    }

    [Fact]
    public async Task ListAsync_AfterWrites_FollowsOwnerDueClosingAndDeletion()
    {
        var (store, queue) = await CreateAsync();
        var moved = await AddAsync(store, Case(due: Now.AddDays(1)));
        var rescheduled = await AddAsync(store, Case(due: Now.AddDays(2)));
        var closing = await AddAsync(store, Case(due: Now.AddDays(3)));
        var deleted = await AddAsync(store, Case(due: Now.AddDays(4), subject: "座椅加热不工作"));

        await store.UpdateAsync(moved, r => r with { OwnerId = "han.mei" }, None);
        await store.UpdateAsync(rescheduled, r => r with { DueAtUtc = Now.AddHours(-1) }, None);
        await store.UpdateAsync(closing, r => r with { Stage = CaseStage.Closed, ClosedAtUtc = Now }, None);
        await store.DeleteAsync(deleted, None);

        Assert.Equal([rescheduled], Numbers(await queue.ListAsync(LiLei, new StaffQueueRequest(), None)));
        Assert.Equal([rescheduled], Numbers(await queue.ListAsync(LiLei, new StaffQueueRequest(OverdueOnly: true), None)));
        Assert.Equal([moved], Numbers(await queue.ListAsync(HanMei, new StaffQueueRequest(), None)));
        Assert.Equal([closing], Numbers(await queue.ListAsync(LiLei, new StaffQueueRequest(Stage: CaseStage.Closed), None)));
        Assert.Empty((await queue.ListAsync(LiLei, new StaffQueueRequest(Search: "座椅"), None)).Rows);
        Assert.Empty((await queue.ListAsync(LiLei, new StaffQueueRequest(Search: deleted), None)).Rows);
    }

    [Fact]
    public async Task ListAsync_SameUpdateTwice_ListsTheSame()
    {
        var (store, queue) = await CreateAsync();
        var tn = await AddAsync(store, Case());
        await store.UpdateAsync(tn, r => r with { EscalationLevel = 1, DueAtUtc = Now.AddHours(3) }, None);
        var once = await queue.ListAsync(Supervisor, new StaffQueueRequest(QueueScope.Department, Sort: QueueSort.Escalation), None);

        await store.UpdateAsync(tn, r => r with { EscalationLevel = 1, DueAtUtc = Now.AddHours(3) }, None);
        var twice = await queue.ListAsync(Supervisor, new StaffQueueRequest(QueueScope.Department, Sort: QueueSort.Escalation), None);

        Assert.Equal(once.Rows, twice.Rows);
        Assert.Single(twice.Rows);
    }

    [Fact]
    public async Task ListAsync_Rows_CarryTheSlaCountdown()
    {
        var (store, queue) = await CreateAsync();

        // Received Monday 16 March 10:00, due at the end of Thursday 19 March: 86 working hours, 48 used by Wednesday 10:00.
        var received = new DateTime(2026, 3, 16, 2, 0, 0, DateTimeKind.Utc);
        await AddAsync(store, Case(received: received, due: new DateTime(2026, 3, 19, 16, 0, 0, DateTimeKind.Utc)));
        await AddAsync(store, Case(received: received, due: Now.AddHours(-3)));

        var rows = (await queue.ListAsync(LiLei, new StaffQueueRequest(), None)).Rows;

        Assert.Equal(SlaRisk.Overdue, rows[0].Sla.Risk);
        Assert.Equal(TimeSpan.FromHours(-3), rows[0].Sla.WorkingTimeLeft);
        Assert.Equal(SlaRisk.PastHalf, rows[1].Sla.Risk);
        Assert.Equal(TimeSpan.FromHours(38), rows[1].Sla.WorkingTimeLeft);
        Assert.Equal(48.0 / 86, rows[1].Sla.FractionUsed, 6);
    }

    [Fact]
    public async Task ListOtherCasesAsync_ListsTheCustomersOtherCasesNewestFirst()
    {
        var (store, _) = await CreateAsync();
        var customer = new Customer("Li Na", "li.na@example.com", null);
        var first = await AddAsync(store, Case(customer: customer, received: Now.AddDays(-30), closed: true));
        var second = await AddAsync(store, Case(customer: customer with { Email = "LI.NA@example.com", Phone = "13912345678" }, received: Now.AddDays(-10)));
        var current = await AddAsync(store, Case(customer: customer));
        await AddAsync(store, Case());

        var others = await OtherCasesAsync(store, customer with { Phone = "13912345678" }, current);

        Assert.Equal([second, first], others.Select(c => c.TrackingNumber));
        Assert.Equal([CaseStage.Investigation, CaseStage.Closed], others.Select(c => c.Stage));
        Assert.Equal(Now.AddDays(-10), others[0].ReceivedAtUtc);
    }

    protected static async Task<string> AddAsync(IComplaintStore store, ComplaintRecord record)
    {
        Assert.True(await store.TryAddAsync(record, None));
        return record.TrackingNumber;
    }

    protected static IReadOnlyList<string> Numbers(StaffQueuePage page) => [.. page.Rows.Select(r => r.TrackingNumber)];

    private static async Task<List<string>> ToListAsync(IAsyncEnumerable<StaffQueueRow> rows)
    {
        var listed = new List<string>();
        await foreach (var row in rows)
        {
            listed.Add(row.TrackingNumber);
        }

        return listed;
    }
}
