using ServerlessComplaints.Workflow.Cases;
using ServerlessComplaints.Workflow.Diagnostics;
using ServerlessComplaints.Workflow.Domain;
using ServerlessComplaints.Workflow.Orchestration;

namespace ServerlessComplaints.Workflow.Activities;

/// <summary>Saves the accepted case as the first step of its orchestration; a retry finds it saved.</summary>
public sealed class SaveComplaint(IComplaintStore store, ITimelineStore timeline, TimeProvider time) : WorkflowActivity<ComplaintDetails, bool>
{
    public override async Task<bool> RunAsync(ComplaintDetails input, CancellationToken cancellationToken)
    {
        var added = await store.TryAddAsync(new ComplaintRecord(input), cancellationToken);
        if (added)
        {
            // The case's first work: how long its start waited in the engine's queues since intake accepted it.
            WorkflowTelemetry.CaseStarted(time.GetUtcNow().UtcDateTime - input.ReceivedAtUtc);
        }

        var actor = input.LoggedBy ?? "customer";
        await timeline.AppendAsync(
            TimelineEntry.Of(input.TrackingNumber, $"{input.TrackingNumber}-000-received", input.ReceivedAtUtc, actor, TimelineCodes.Received, true,
                new Dictionary<string, string> { [TimelineParameters.Channel] = Localization.WireNames.Of(input.Channel) }),
            cancellationToken);
        return added;
    }
}
