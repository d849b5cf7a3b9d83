using ServerlessComplaints.Workflow.Domain;
using ServerlessComplaints.Workflow.Lifecycle;

namespace ServerlessComplaints.Workflow.Cases;

/// <summary>A staff queue filter; <see cref="OverdueAtUtc"/> keeps open cases whose deadline is before that instant.</summary>
public sealed record CaseQuery(CaseStage? Stage = null, ComplaintKind? Kind = null, Category? Category = null, DateTime? OverdueAtUtc = null, int Take = 100)
{
    /// <summary>The filter and order over records in memory; stores that cannot filter server-side use it after a scan.</summary>
    public IEnumerable<ComplaintRecord> Apply(IEnumerable<ComplaintRecord> records) => records
        .Where(r => Stage is null || r.Stage == Stage)
        .Where(r => Kind is null || r.Details.Kind == Kind)
        .Where(r => Category is null || r.Details.Category == Category)
        .Where(r => OverdueAtUtc is null || (r.DueAtUtc < OverdueAtUtc && r.ClosedAtUtc is null))
        .OrderByDescending(r => r.Urgency)
        .ThenBy(r => r.DueAtUtc ?? DateTime.MaxValue)
        .ThenBy(r => r.TrackingNumber, StringComparer.Ordinal)
        .Take(Math.Clamp(Take, 1, 500));
}
