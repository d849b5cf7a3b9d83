using ServerlessComplaints.Workflow.Cases;
using ServerlessComplaints.Workflow.Lifecycle;

namespace ServerlessComplaints.Workflow.Api;

/// <summary>
/// Marks a case whose orchestration failed as stage "failed", so it shows in the staff queue, and notes on the staff
/// timeline the stage it failed in and the error as raised.
/// </summary>
public sealed class FailedCaseRecorder(IComplaintStore store, ITimelineStore timeline, TimeProvider time)
{
    public async Task RecordAsync(string trackingNumber, string failure, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(trackingNumber, cancellationToken) is not { } record)
        {
            return;
        }

        var now = time.GetUtcNow().UtcDateTime;
        await store.UpdateAsync(trackingNumber, r => r with { Stage = CaseStage.Failed }, cancellationToken);
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal) { [TimelineParameters.Stage] = Localization.WireNames.Of(record.Stage), [TimelineParameters.Error] = TimelineParameters.Clip(failure) };
        await timeline.AppendAsync(TimelineEntry.Of(trackingNumber, $"{trackingNumber}-failed-{now.Ticks}", now, "system", TimelineCodes.Failed, false, parameters), cancellationToken);
    }
}
