using ServerlessComplaints.Workflow.Calendar;
using ServerlessComplaints.Workflow.Diagnostics;
using ServerlessComplaints.Workflow.Domain;
using ServerlessComplaints.Workflow.Lifecycle;
using ServerlessComplaints.Workflow.Orchestration;

namespace ServerlessComplaints.Workflow.Intake;

/// <summary>
/// Host-independent intake: validate, give the case a tracking number and start its orchestration. The start is
/// the one durable write before the caller answers 202; the record is saved by the orchestration's first activity.
/// </summary>
public sealed class CaseIntake(IntakeValidator validator, IWorkflowClient client, BusinessCalendar calendar, WorkflowSettings settings, TimeProvider time)
{
    public async Task<IntakeOutcome> SubmitAsync(
        ComplaintSubmission? submission,
        Channel channel,
        string? acceptLanguage = null,
        string? loggedBy = null,
        IReadOnlyList<string>? evidenceBlobNames = null,
        string? trackingNumber = null,
        CancellationToken cancellationToken = default)
    {
        var receivedAt = time.GetUtcNow().UtcDateTime;
        trackingNumber ??= TrackingNumber.New(receivedAt, calendar.TimeZone);
        var result = validator.Validate(submission, new IntakeContext(channel, trackingNumber, receivedAt, acceptLanguage, loggedBy, evidenceBlobNames));
        if (!result.IsValid)
        {
            return new IntakeOutcome(null, result.Errors) { Problems = result.Problems };
        }

        var input = new ComplaintWorkflowInput(ComplaintWorkflow.CurrentVersion, result.Details!, settings);
        using (var span = WorkflowTelemetry.StartIntake(trackingNumber, channel))
        {
            span?.SetTag(WorkflowTelemetry.Attributes.Kind, Localization.WireNames.Of(input.Details.Kind));
            await client.StartAsync(ComplaintWorkflow.Name, trackingNumber, input, cancellationToken);
        }

        WorkflowTelemetry.CaseReceived(input.Details.Kind, channel);
        return new IntakeOutcome(trackingNumber, result.Errors);
    }

    /// <summary>Whether the case's orchestration exists (an earlier attempt under an idempotency claim may have started it).</summary>
    public async Task<bool> IsStartedAsync(string trackingNumber, CancellationToken cancellationToken) =>
        await client.GetStatusAsync(trackingNumber, cancellationToken) is not null;
}
