using ServerlessComplaints.Workflow.Domain;
using ServerlessComplaints.Workflow.Lifecycle;
using ServerlessComplaints.Workflow.Orchestration;

namespace ServerlessComplaints.Workflow.Authorization;

/// <summary>
/// What the decision needs to know of a case: its kind, department and owner (from the record), and from the
/// orchestration its stage, runtime status and what it waits for now. <see cref="Closed"/>: the record has an
/// outcome (closed, or terminated around a failed workflow). <see cref="PreviousOwners"/>: the owners it was
/// reassigned away from, oldest first — the orchestration still names them in what it waits for.
/// </summary>
public sealed record CaseSnapshot(
    ComplaintKind Kind,
    string? DepartmentId,
    string? OwnerId,
    CaseStage Stage,
    WorkflowRuntimeStatus? Runtime,
    IReadOnlyList<CaseExpectation>? Expecting,
    bool Closed = false,
    IReadOnlyList<string>? PreviousOwners = null);
