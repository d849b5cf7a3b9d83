using ServerlessComplaints.Workflow.Cases;
using ServerlessComplaints.Workflow.Evidence;

namespace ServerlessComplaints.Workflow.Api;

/// <summary>A case as staff see it: the record, the full timeline, the evidence and the orchestration's state (a failed case shows its error).</summary>
public sealed record StaffCaseDetail(
    ComplaintRecord Record,
    IReadOnlyList<TimelineEntry> Timeline,
    IReadOnlyList<EvidenceItem> Evidence,
    string RuntimeStatus,
    string? Failure);
