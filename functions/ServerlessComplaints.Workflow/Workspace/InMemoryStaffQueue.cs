using ServerlessComplaints.Workflow.Assessment;
using ServerlessComplaints.Workflow.Calendar;
using ServerlessComplaints.Workflow.Cases;

namespace ServerlessComplaints.Workflow.Workspace;

/// <summary>
/// The staff queue over records in memory, for tests and demos: the same selection, search terms and order as the
/// table queue, computed over every record (<see cref="StaffQueuePage.EntitiesRead"/> counts the records looked at).
/// </summary>
public sealed class InMemoryStaffQueue(InMemoryComplaintStore store, BusinessCalendar calendar, TimeProvider time) : IStaffQueue
{
    private readonly SlaCountdowns _countdowns = new(calendar);

    public Task<StaffQueuePage> ListAsync(StaffMember viewer, StaffQueueRequest request, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var selection = QueueSelection.For(viewer, request, calendar, now);
        var records = store.All;
        var matches = Listing(selection, records).Skip(selection.Skip).Take(selection.PageSize + 1).ToList();
        var rows = matches.Take(selection.PageSize).Select(c => Row(c, now)).ToList();
        return Task.FromResult(new StaffQueuePage(rows, selection.Page, selection.PageSize, matches.Count > selection.PageSize, records.Count));
    }

    public IAsyncEnumerable<StaffQueueRow> ListAllAsync(StaffMember viewer, StaffQueueRequest request, int max, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var selection = QueueSelection.For(viewer, request with { Page = 1 }, calendar, now);
        return Listing(selection, store.All).Take(Math.Max(0, max)).Select(c => Row(c, now)).ToAsyncEnumerable();
    }

    private static IEnumerable<QueueCase> Listing(QueueSelection selection, IEnumerable<ComplaintRecord> records) =>
        selection.Order(records
            .Where(r => !selection.IsSearch || SearchTerms.Matches(selection.Search, SearchTerms.Of(r)))
            .Select(r => QueueCase.Of(r, 0))
            .Where(selection.Matches));

    private StaffQueueRow Row(QueueCase c, DateTime now) => c.ToRow(_countdowns.For(c.ReceivedAtUtc, c.DueAtUtc, c.Open, now));
}
