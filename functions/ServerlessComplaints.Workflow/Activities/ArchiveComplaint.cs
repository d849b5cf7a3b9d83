using ServerlessComplaints.Workflow.Cases;
using ServerlessComplaints.Workflow.Lifecycle;
using ServerlessComplaints.Workflow.Orchestration;

namespace ServerlessComplaints.Workflow.Activities;

/// <summary>
/// Writes the final record with <c>retainUntil = closedAt + retention</c>; the retention sweep deletes it after that unless
/// held. The timeline entry goes first, so whoever sees the stage archived also sees the entry.
/// </summary>
public sealed class ArchiveComplaint(IComplaintStore store, ITimelineStore timeline) : WorkflowActivity<ArchiveRequest, DateTime>
{
    public override async Task<DateTime> RunAsync(ArchiveRequest input, CancellationToken cancellationToken)
    {
        var retainUntil = input.ClosedAtUtc.AddDays(input.RetentionDays);
        await timeline.AppendAsync(
            TimelineEntry.Of(input.TrackingNumber, $"{input.TrackingNumber}-999-archived", input.ClosedAtUtc, "system", TimelineCodes.Archived, true,
                new Dictionary<string, string> { [TimelineParameters.Outcome] = Localization.WireNames.Of(input.Outcome), [TimelineParameters.Until] = TimelineParameters.Instant(retainUntil) }),
            cancellationToken);
        await store.UpdateAsync(input.TrackingNumber, r => r with
        {
            Stage = CaseStage.Archived,
            Outcome = input.Outcome,
            ClosedAtUtc = input.ClosedAtUtc,
            RetainUntilUtc = retainUntil,
        }, cancellationToken);
        return retainUntil;
    }
}
