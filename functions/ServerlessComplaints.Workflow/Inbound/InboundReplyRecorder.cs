using ServerlessComplaints.Workflow.Cases;
using ServerlessComplaints.Workflow.Intake;

namespace ServerlessComplaints.Workflow.Inbound;

/// <summary>
/// A reply that threads into an existing case: its text (quoted history trimmed) on the timeline, its attachments as
/// evidence, notes for refused files and failed SPF/DKIM, and a mail to the owner. Every write is keyed by the
/// Message-ID, so a retried delivery repeats nothing.
/// </summary>
public sealed class InboundReplyRecorder(
    ITimelineStore timeline, InboundEvidence evidence, InboundCaseNotes notes, CustomerMessageMail mail, IntakeLimits limits, TimeProvider time)
{
    public const string CustomerMessage = "customer-message";

    /// <summary>Mail from an address other than the customer's: kept for staff, never shown on the customer's status page.</summary>
    public const string OtherSenderMessage = "email-from-other-sender";

    public async Task<InboundEmailResult> RecordAsync(ComplaintRecord record, InboundMessage message, string messageKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(message);
        var tn = record.TrackingNumber;
        var id = InboundMessageKey.EntryId(tn, messageKey);
        var fromCustomer = string.Equals(record.Details.Customer.Email, message.FromAddress, StringComparison.OrdinalIgnoreCase);
        var text = InboundText.Clean(QuotedHistory.Trim(message.Text), limits.MaxDescriptionLength, multiline: true)
            ?? InboundText.Clean(message.Subject, limits.MaxSubjectLength, multiline: false)
            ?? "-";
        var (stored, refused) = await evidence.AddToCaseAsync(tn, message.Attachments, cancellationToken);

        var now = time.GetUtcNow().UtcDateTime;
        var entry = fromCustomer
            ? new TimelineEntry(tn, id, now, "customer", CustomerMessage, text, IsPublic: true)
            : new TimelineEntry(tn, id, now, "email", OtherSenderMessage, $"{message.FromAddress}: {text}", IsPublic: false);
        await timeline.AppendAsync(entry, cancellationToken);
        if (stored.Count > 0)
        {
            await timeline.AppendAsync(new TimelineEntry(tn, $"{id}-evidence", now, fromCustomer ? "customer" : "email", "evidence-added", string.Join(", ", stored), IsPublic: fromCustomer), cancellationToken);
        }

        await notes.RecordAsync(tn, messageKey, message, refused, cancellationToken);
        await mail.SendAsync(record, messageKey, message, text, fromCustomer, stored, refused, cancellationToken);
        return new InboundEmailResult(InboundEmailResult.Threaded, tn, RefusedAttachments: refused.Count > 0 ? refused : null);
    }
}
