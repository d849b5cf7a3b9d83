using ServerlessComplaints.Workflow.Cases;
using ServerlessComplaints.Workflow.Workspace;

namespace ServerlessComplaints.Workflow.AzureStorage;

/// <summary>
/// The dashboard over the aggregates <see cref="TableComplaintStore"/> keeps in <c>{prefix}Dashboard</c> (see
/// <see cref="DashboardAggregates"/>): a view reads one cell per week of its range (a range of day cells for a partly
/// covered week), whatever the number of cases. The first read of a store whose aggregates were never built (no marker
/// row) rebuilds them from the records once.
/// </summary>
/// <remarks>
/// A deleted case (the retention sweep) is taken out of the aggregates: the dashboard counts the cases that are stored.
/// </remarks>
public sealed class TableDashboard(TableComplaintStore store) : IDashboard
{
    private readonly BuildOnce _built = new(store.Dashboard.HasMarkerAsync, async ct => await store.RebuildDashboardAsync(ct).ConfigureAwait(false));

    public async Task<DashboardFigures> ReadAsync(DashboardFilter filter, CancellationToken cancellationToken)
    {
        DashboardRange.Check(filter);
        await EnsureBuiltAsync(cancellationToken).ConfigureAwait(false);
        var tally = new DashboardTally();
        var read = await store.Dashboard.ReadAsync(filter, tally, cancellationToken).ConfigureAwait(false);
        return tally.ToFigures(filter, read);
    }

    public async Task<long> RebuildAsync(CancellationToken cancellationToken) =>
        await store.RebuildDashboardAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// Writes the aggregates of records straight into an EMPTY dashboard table, without the records themselves (a
    /// benchmark's seed of a year of cases); returns the cases written.
    /// </summary>
    public async Task<int> SeedAsync(IEnumerable<ComplaintRecord> records, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        var written = await store.Dashboard.SeedAsync(records.Select(r => (r, 1L)), cancellationToken).ConfigureAwait(false);
        await store.Dashboard.WriteMarkerAsync(cancellationToken).ConfigureAwait(false);
        return written;
    }

    /// <summary>Builds the aggregates when they never were (no marker row), once per process; later reads wait for the same build.</summary>
    public Task EnsureBuiltAsync(CancellationToken cancellationToken) => _built.EnsureAsync(cancellationToken);
}
