using ServerlessComplaints.Workflow.Assessment;
using ServerlessComplaints.Workflow.Calendar;
using ServerlessComplaints.Workflow.Cases;

namespace ServerlessComplaints.Workflow.Workspace;

/// <summary>A first queue over <see cref="IComplaintStore.QueryAsync"/> (at most 500 records): correct on small stores, replaced by projections.</summary>
public sealed class ScanningStaffQueue(IComplaintStore store, BusinessCalendar calendar, TimeProvider time) : IStaffQueue
{
    private readonly SlaCountdowns _countdowns = new(calendar);

    public async Task<StaffQueuePage> ListAsync(StaffMember viewer, StaffQueueRequest request, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var selection = QueueSelection.For(viewer, request, calendar, now);
        var records = await store.QueryAsync(new CaseQuery(Take: 500), cancellationToken);
        var matches = selection.Order(records
            .Where(r => !selection.IsSearch || SearchTerms.Matches(selection.Search, SearchTerms.Of(r)))
            .Select(r => QueueCase.Of(r, 0))
            .Where(selection.Matches))
            .Skip(selection.Skip)
            .Take(selection.PageSize + 1)
            .ToList();
        var rows = matches.Take(selection.PageSize)
            .Select(c => c.ToRow(_countdowns.For(c.ReceivedAtUtc, c.DueAtUtc, c.Open, now)))
            .ToList();
        return new StaffQueuePage(rows, selection.Page, selection.PageSize, matches.Count > selection.PageSize, records.Count);
    }
}
