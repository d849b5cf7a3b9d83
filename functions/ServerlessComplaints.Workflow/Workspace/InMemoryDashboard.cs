using ServerlessComplaints.Workflow.Calendar;
using ServerlessComplaints.Workflow.Cases;

namespace ServerlessComplaints.Workflow.Workspace;

/// <summary>
/// The dashboard over records in memory, for tests and demos: the contributions of the matching records summed at
/// every read (<see cref="DashboardFigures.EntitiesRead"/> counts the records looked at); nothing to rebuild.
/// </summary>
public sealed class InMemoryDashboard(InMemoryComplaintStore store, BusinessCalendar calendar) : IDashboard
{
    public Task<DashboardFigures> ReadAsync(DashboardFilter filter, CancellationToken cancellationToken)
    {
        DashboardRange.Check(filter);
        var records = store.All;
        var tally = new DashboardTally();
        foreach (var contribution in records.Select(r => DashboardContribution.Of(r, calendar.TimeZone)).Where(c => c.Matches(filter)))
        {
            tally.Add(contribution.WeekStart, contribution.Measures);
        }

        return Task.FromResult(tally.ToFigures(filter, records.Count));
    }

    public Task<long> RebuildAsync(CancellationToken cancellationToken) => Task.FromResult((long)store.All.Count);
}
