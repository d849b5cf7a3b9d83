using ServerlessComplaints.Workflow.Activities;
using ServerlessComplaints.Workflow.Calendar;
using ServerlessComplaints.Workflow.Cases;
using ServerlessComplaints.Workflow.Localization;
using ServerlessComplaints.Workflow.Lifecycle.Events;
using ServerlessComplaints.Workflow.Notifications;

namespace ServerlessComplaints.Workflow.Lifecycle;

/// <summary>
/// The authority matrix at work: a remedy above the owner's limit goes to the approver whose limit covers it; no
/// decision within the window escalates to the next level and tells the owner.
/// </summary>
internal static class ApprovalStage
{
    /// <summary>A person's words as the entry's quote, when they said something.</summary>
    internal static Dictionary<string, string> Said(string? text) => text is null ? [] : new() { [TimelineParameters.Text] = text };

    // From version 2 the chain starts above the proposer's own limit.
    // A rejection goes back to the reviser, whose revision is expected before the rejection mail goes out.
    public static async Task<bool> ApproveAsync(CaseRun run, Domain.Remedy remedy, string proposerId, string reviserId)
    {
        var request = new ApproverRequest(run.DepartmentId, remedy.Amount) { ProposerId = run.ChecksRounds ? proposerId : null };
        var chain = await run.Call<IReadOnlyList<ApproverAssignment>>(nameof(AssignApprovers), request);
        if (chain.Count == 0)
        {
            return true;
        }

        run.PublishStatus(CaseStage.Approval);
        // One wait for the whole chain: a late decision from a lower level still counts.
        var decision = run.WaitAsync<ApprovalDecision>(run.Expect(WorkflowEvents.Approval, chain[0].StaffId, remedy.Amount));
        var data = MailData.Of(remedy);
        for (var level = 0; level < chain.Count; level++)
        {
            var approver = chain[level];
            await run.Notify(NotificationKind.ApprovalRequest, approver.StaffId, data);
            await run.Record("system", TimelineCodes.ApprovalRequested, isPublic: false,
                parameters: new() { [TimelineParameters.Role] = WireNames.Of(approver.Role), [TimelineParameters.Approver] = approver.StaffId });
            if (level == chain.Count - 1)
            {
                break;
            }

            var window = await run.PlanAsync(new DeadlineRequest(run.Now, SlaSpan.FromWorkingDays(run.Settings.ApprovalWindowWorkingDays)));
            if (await run.RaceAsync([decision], [], window.DueUtc) is not null)
            {
                break;
            }

            var next = chain[level + 1];
            await run.Notify(NotificationKind.ApprovalEscalated, run.OwnerId, new() { ["approver"] = next.StaffId });
            await run.Record("system", TimelineCodes.ApprovalEscalated, isPublic: false,
                parameters: new() { [TimelineParameters.From] = approver.StaffId, [TimelineParameters.Role] = WireNames.Of(next.Role), [TimelineParameters.Approver] = next.StaffId });
        }

        var result = await decision;
        await run.Record(result.StaffId, result.Approved ? TimelineCodes.Approved : TimelineCodes.Rejected, isPublic: false, parameters: Said(result.Comment));
        if (!result.Approved)
        {
            run.Expect(WorkflowEvents.Offer, reviserId);
            await run.Notify(NotificationKind.ApprovalRejected, reviserId, new() { ["comment"] = result.Comment ?? "-" });
        }

        return result.Approved;
    }
}
