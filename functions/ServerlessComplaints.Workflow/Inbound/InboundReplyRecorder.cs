using ServerlessComplaints.Workflow.Assessment;
using ServerlessComplaints.Workflow.Cases;
using ServerlessComplaints.Workflow.Intake;

namespace ServerlessComplaints.Workflow.Inbound;

/// <summary>
/// A reply that threads into an existing case, recorded by who sent it (<see cref="ReplySender"/>): the customer's
/// text (quoted history trimmed) on the public timeline with its attachments as evidence; a staff member's as a
/// staff note; anyone else's held for staff review. Attachments of staff and held mail are neither stored nor
/// counted as the customer's evidence. The owner is mailed; every write is keyed by the message, so a retried
/// delivery repeats nothing.
/// </summary>
public sealed class InboundReplyRecorder(
    ITimelineStore timeline, InboundEvidence evidence, InboundCaseNotes notes, CustomerMessageMail mail, StaffDirectory directory, IntakeLimits limits, TimeProvider time)
{
    public const string CustomerMessage = TimelineCodes.CustomerMessage;

    /// <summary>Mail from a staff address in the directory: a note for staff, not the customer's message.</summary>
    public const string StaffNote = TimelineCodes.StaffEmailNote;

    /// <summary>Mail from anyone else, or SPF/DKIM not vouching for the address: for staff review, never on the status page.</summary>
    public const string HeldMessage = TimelineCodes.EmailHeldForReview;

    public async Task<InboundEmailResult> RecordAsync(ComplaintRecord record, InboundMessage message, string messageKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(message);
        var tn = record.TrackingNumber;
        var id = InboundMessageKey.EntryId(tn, messageKey);
        var sender = ReplySender.Of(record, message, directory);
        var text = InboundText.Clean(QuotedHistory.Trim(message.Text), limits.MaxDescriptionLength, multiline: true)
            ?? InboundText.Clean(message.Subject, limits.MaxSubjectLength, multiline: false)
            ?? "-";
        var now = time.GetUtcNow().UtcDateTime;
        if (sender.Kind == ReplySenderKind.Customer)
        {
            var (stored, refused) = await evidence.AddToCaseAsync(tn, message.Attachments, cancellationToken);
            await timeline.AppendAsync(new TimelineEntry(tn, id, now, "customer", CustomerMessage, text, IsPublic: true, Said(text)), cancellationToken);
            if (stored.Count > 0)
            {
                await timeline.AppendAsync(new TimelineEntry(tn, $"{id}-evidence", now, "customer", TimelineCodes.EvidenceAdded, string.Join(", ", stored), IsPublic: true,
                    new Dictionary<string, string> { [TimelineParameters.Files] = string.Join(", ", stored) }), cancellationToken);
            }

            await notes.RecordAsync(tn, messageKey, message, refused, cancellationToken);
            await mail.SendAsync(record, messageKey, message, sender, text, stored, [.. refused.Select(r => r.ToString())], cancellationToken);
            return new InboundEmailResult(InboundEmailResult.Threaded, tn, RefusedAttachments: InboundEmailResult.Names(refused));
        }

        // Not the customer's evidence: nothing stored, nothing counted against the case's limits; names for staff only.
        var notKept = message.Attachments.Select(a => InboundText.FileName(a.FileName)).ToList();
        var attached = notKept.Count == 0 ? "" : $"\n[attachments not kept: {string.Join(", ", notKept)}]";
        var entry = sender.Kind == ReplySenderKind.Staff
            ? new TimelineEntry(tn, id, now, sender.Staff!.Id, StaffNote, text + attached, IsPublic: false, Said(text + attached))
            : new TimelineEntry(tn, id, now, "email", HeldMessage, $"{message.FromAddress} ({sender.HeldBecause}):\n{text}{attached}", IsPublic: false);
        await timeline.AppendAsync(entry, cancellationToken);
        await notes.RecordAsync(tn, messageKey, message, [], cancellationToken);
        await mail.SendAsync(record, messageKey, message, sender, text, [], notKept, cancellationToken);
        return sender.Kind == ReplySenderKind.Staff
            ? new InboundEmailResult(InboundEmailResult.Threaded, tn)
            : new InboundEmailResult(InboundEmailResult.Held, tn, sender.HeldBecause);
    }

    private static Dictionary<string, string> Said(string text) => new() { [TimelineParameters.Text] = text };
}
