using ServerlessComplaints.Workflow.Api;
using ServerlessComplaints.Workflow.Domain;
using ServerlessComplaints.Workflow.Intake;

namespace ServerlessComplaints.Workflow.Inbound;

/// <summary>
/// A new email opens a case through <see cref="IntakeHandler"/> (channel email): the sender is the customer, the subject
/// and text become the case, the language is guessed from the text. Attachments that break the limits are left out
/// and noted on the new case's timeline. The intake idempotency key derives from the Message-ID, so a delivery
/// retried after the case started finds that case instead of opening another; it lives in a scope of its own, keyed
/// with a server secret (<see cref="IdempotencyKeys"/>), so nobody who knows a Message-ID can claim it first.
/// </summary>
public sealed class InboundCaseOpener(IntakeHandler intake, InboundEvidence evidence, InboundCaseNotes notes, IntakeLimits limits)
{
    /// <summary>The result, or intake's own answer (400 for mail that cannot become a case, 503 when storage is down).</summary>
    public async Task<(InboundEmailResult? Result, ApiResponse? Failure)> OpenAsync(InboundMessage message, string messageKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var (accepted, refused) = evidence.Check(message.Attachments, []);
        var request = new IntakeRequest(Submission(message), accepted, Channel.Email, IdempotencyKey: messageKey, IdempotencyScope: IdempotencyKeys.InboundEmailScope);
        var response = await intake.SubmitAsync(request, cancellationToken);
        if (response.Body is not IntakeAccepted created)
        {
            return (null, response);
        }

        await notes.RecordAsync(created.TrackingNumber, messageKey, message, refused, cancellationToken);
        return (new InboundEmailResult(InboundEmailResult.Opened, created.TrackingNumber, RefusedAttachments: InboundEmailResult.Names(refused)), null);
    }

    private ComplaintSubmission Submission(InboundMessage message)
    {
        var description = InboundText.Clean(message.Text, limits.MaxDescriptionLength, multiline: true);
        var subject = InboundText.Clean(message.Subject, limits.MaxSubjectLength, multiline: false)
            ?? InboundText.Clean(description?.Split('\n')[0], limits.MaxSubjectLength, multiline: false)
            ?? "(no subject)";
        description ??= subject;
        var at = message.FromAddress.IndexOf('@', StringComparison.Ordinal);
        var name = InboundText.Clean(message.FromName, limits.MaxNameLength, multiline: false)
            ?? InboundText.Clean(at > 0 ? message.FromAddress[..at] : message.FromAddress, limits.MaxNameLength, multiline: false);
        return new ComplaintSubmission
        {
            Kind = "complaint",
            Category = "other",
            Subject = subject,
            Description = description,
            Customer = new CustomerSubmission { Name = name, Email = message.FromAddress },
            Language = LanguageSelection.FromText(subject, description),
        };
    }
}
