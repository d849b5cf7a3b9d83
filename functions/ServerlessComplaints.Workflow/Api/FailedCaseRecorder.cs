using ServerlessComplaints.Workflow.Cases;
using ServerlessComplaints.Workflow.Lifecycle;

namespace ServerlessComplaints.Workflow.Api;

/// <summary>Marks a case whose orchestration failed as stage "failed" with the error, so it shows in the staff queue.</summary>
public sealed class FailedCaseRecorder(IComplaintStore store, ITimelineStore timeline, TimeProvider time)
{
    public async Task RecordAsync(string trackingNumber, string failure, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(trackingNumber, cancellationToken) is null)
        {
            return;
        }

        var now = time.GetUtcNow().UtcDateTime;
        await store.UpdateAsync(trackingNumber, r => r with { Stage = CaseStage.Failed }, cancellationToken);
        await timeline.AppendAsync(new TimelineEntry(trackingNumber, $"{trackingNumber}-failed-{now.Ticks}", now, "system", "failed", failure, IsPublic: false), cancellationToken);
    }
}
