using ServerlessComplaints.Workflow.Assessment;
using ServerlessComplaints.Workflow.Authorization;
using ServerlessComplaints.Workflow.Cases;
using ServerlessComplaints.Workflow.Evidence;

namespace ServerlessComplaints.Workflow.Api;

/// <summary>
/// A case as one staff member sees it on the case page: the record, the whole timeline, the evidence, the
/// orchestration's state, what it waits for now and from whom (<see cref="Waiting"/>: assignees as they are after any
/// reassignment), every clock (and the one that applies now), how far the viewer may go (<see cref="Access"/>), the
/// decision on each staff action for them now, whom they may hand the case to, and their approval limit (null: unlimited).
/// </summary>
public sealed record StaffCaseView(
    ComplaintRecord Record,
    IReadOnlyList<TimelineEntry> Timeline,
    IReadOnlyList<EvidenceItem> Evidence,
    CaseSnapshot Snapshot,
    IReadOnlyList<Lifecycle.CaseExpectation> Waiting,
    CaseAccess Access,
    IReadOnlyDictionary<CaseAction, AuthorizationDecision> Decisions,
    IReadOnlyList<StaffMember> NewOwners,
    IReadOnlyList<CurrentDeadline> Clocks,
    CurrentDeadline? Current,
    string RuntimeStatus,
    string? Failure,
    decimal? ViewerLimit)
{
    /// <summary>The staff actions in the order the page offers them: what the case waits for first, then the record's steps.</summary>
    public static readonly IReadOnlyList<CaseAction> PageOrder =
    [
        CaseAction.Findings, CaseAction.Answer, CaseAction.Review, CaseAction.Approve, CaseAction.Reject, CaseAction.Offer,
        CaseAction.CustomerResponse, CaseAction.Execute, CaseAction.Survey, CaseAction.Extend, CaseAction.Note, CaseAction.Reassign,
        CaseAction.LegalHold, CaseAction.Retry, CaseAction.Terminate,
    ];

    public bool Allows(CaseAction action) => Decisions.TryGetValue(action, out var decision) && decision.IsAllowed;
}
