using ServerlessComplaints.Workflow.Assessment;
using ServerlessComplaints.Workflow.Authorization;
using ServerlessComplaints.Workflow.Cases;
using ServerlessComplaints.Workflow.Evidence;
using ServerlessComplaints.Workflow.Intake;
using ServerlessComplaints.Workflow.Orchestration;

namespace ServerlessComplaints.Workflow.Api;

/// <summary>Builds <see cref="StaffCaseView"/>: one read of the record, the timeline, the evidence and the orchestration's status.</summary>
public sealed class StaffCaseViews(
    IComplaintStore store,
    ITimelineStore timeline,
    IEvidenceStore evidence,
    IWorkflowClient client,
    CaseAuthorization authorization,
    CaseReassignment steps,
    CurrentDeadlines deadlines,
    AuthorityMatrix authority)
{
    /// <summary>The case for <paramref name="viewer"/>; null when there is no such case. The caller refuses <see cref="CaseAccess.None"/>.</summary>
    public async Task<StaffCaseView?> ViewAsync(string trackingNumber, StaffMember viewer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        if (!TrackingNumber.IsValid(trackingNumber))
        {
            return null;
        }

        var status = await client.GetStatusAsync(trackingNumber, cancellationToken);
        // A case that failed before its record was saved still has its input in the orchestration.
        var record = await store.GetAsync(trackingNumber, cancellationToken) ?? (CaseStageReader.InputOf(status) is { } input ? new ComplaintRecord(input.Details) : null);
        if (record is null)
        {
            return null;
        }

        var snapshot = CaseStageReader.SnapshotOf(record, status);
        var access = authorization.AccessOf(viewer, snapshot);
        var entries = access == CaseAccess.None ? [] : await timeline.ListAsync(trackingNumber, cancellationToken);
        var files = access == CaseAccess.None ? [] : await evidence.ListAsync(trackingNumber, cancellationToken);
        var actor = CaseActor.Of(viewer);
        var decisions = access == CaseAccess.Act
            ? StaffCaseView.PageOrder.ToDictionary(a => a, a => authorization.Decide(actor, a, snapshot))
            : new Dictionary<CaseAction, AuthorizationDecision>();
        var newOwners = decisions.TryGetValue(CaseAction.Reassign, out var reassign) && reassign.IsAllowed ? steps.Candidates(viewer, snapshot) : [];
        return new StaffCaseView(
            record,
            [.. entries.OrderBy(e => e.AtUtc).ThenBy(e => e.EntryId, StringComparer.Ordinal)],
            files,
            snapshot,
            [.. (snapshot.Expecting ?? []).Select(e => e with { Assignee = authorization.AssigneeNow(e, snapshot) })],
            access,
            decisions,
            newOwners,
            deadlines.Every(record, entries),
            deadlines.For(snapshot.Stage, record, entries),
            status?.RuntimeStatus.ToString() ?? "Unknown",
            status?.FailureMessage,
            authority.LimitOf(viewer.Role));
    }
}
