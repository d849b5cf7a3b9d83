using ServerlessComplaints.Workflow.Cases;
using ServerlessComplaints.Workflow.Diagnostics;
using ServerlessComplaints.Workflow.Orchestration;

namespace ServerlessComplaints.Workflow.Activities;

/// <summary>Applies a state change to the record and appends its timeline entry; a retry changes nothing more.</summary>
public sealed class RecordProgress(IComplaintStore store, ITimelineStore timeline) : WorkflowActivity<CaseProgress, bool>
{
    private static readonly string CentreHead = Localization.WireNames.Of(Domain.StaffRole.CentreHead);

    public override async Task<bool> RunAsync(CaseProgress input, CancellationToken cancellationToken)
    {
        await store.UpdateAsync(input.TrackingNumber, input.ApplyTo, cancellationToken);
        var appended = await timeline.AppendAsync(input.ToTimelineEntry(), cancellationToken);
        if (appended)
        {
            Count(input);
        }

        return appended;
    }

    // The SLA metrics, once per timeline entry: a retried activity finds its entry there and counts nothing.
    private static void Count(CaseProgress input)
    {
        switch (input.Action)
        {
            case TimelineCodes.ReminderSent:
                WorkflowTelemetry.ReminderRecorded();
                break;
            case TimelineCodes.Escalated:
                WorkflowTelemetry.EscalationRecorded(input.Parameters?.GetValueOrDefault(TimelineParameters.Role) == CentreHead ? 2 : 1);
                break;
        }
    }
}
