using ServerlessComplaints.Workflow.Cases;
using ServerlessComplaints.Workflow.Orchestration;

namespace ServerlessComplaints.Workflow.Activities;

/// <summary>Applies a state change to the record and appends its timeline entry; a retry changes nothing more.</summary>
public sealed class RecordProgress(IComplaintStore store, ITimelineStore timeline) : WorkflowActivity<CaseProgress, bool>
{
    public override async Task<bool> RunAsync(CaseProgress input, CancellationToken cancellationToken)
    {
        await store.UpdateAsync(input.TrackingNumber, input.ApplyTo, cancellationToken);
        return await timeline.AppendAsync(input.ToTimelineEntry(), cancellationToken);
    }
}
