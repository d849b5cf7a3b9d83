using ServerlessComplaints.Workflow.Assessment;
using ServerlessComplaints.Workflow.Cases;
using ServerlessComplaints.Workflow.Intake;
using P = ServerlessComplaints.Workflow.Cases.TimelineParameters;

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
            await timeline.AppendAsync(TimelineEntry.Of(tn, id, now, "customer", CustomerMessage, true, Said(text)), cancellationToken);
            if (stored.Count > 0)
            {
                // Public: how many, not which; file names are never shown on the status page (staff see the evidence list).
                await timeline.AppendAsync(
                    TimelineEntry.Of(tn, $"{id}-evidence", now, "customer", TimelineCodes.EvidenceAdded, true, new Dictionary<string, string> { [P.Count] = P.Number(stored.Count) }),
                    cancellationToken);
            }

            await notes.RecordAsync(tn, messageKey, message, refused, cancellationToken);
            await mail.SendAsync(record, messageKey, message, sender, text, stored, [.. refused.Select(r => r.ToString())], cancellationToken, refused);
            return new InboundEmailResult(InboundEmailResult.Threaded, tn, RefusedAttachments: InboundEmailResult.Names(refused));
        }

        // Not the customer's evidence: nothing stored, nothing counted against the case's limits; names for staff only.
        var notKept = message.Attachments.Select(a => InboundText.FileName(a.FileName)).ToList();
        var parameters = Said(text);
        if (notKept.Count > 0)
        {
            parameters[P.NotKept] = string.Join(", ", notKept);
        }

        if (sender.Kind != ReplySenderKind.Staff)
        {
            parameters[P.Sender] = message.FromAddress;
            parameters[P.Held] = sender.HeldCode ?? ReplySender.NotCustomer;
            if (sender.Verdict is { } verdict)
            {
                parameters[P.Verdict] = P.Clip(verdict);
            }
        }

        var entry = sender.Kind == ReplySenderKind.Staff
            ? TimelineEntry.Of(tn, id, now, sender.Staff!.Id, StaffNote, false, parameters)
            : TimelineEntry.Of(tn, id, now, "email", HeldMessage, false, parameters);
        await timeline.AppendAsync(entry, cancellationToken);
        await notes.RecordAsync(tn, messageKey, message, [], cancellationToken);
        await mail.SendAsync(record, messageKey, message, sender, text, [], notKept, cancellationToken);
        return sender.Kind == ReplySenderKind.Staff
            ? new InboundEmailResult(InboundEmailResult.Threaded, tn)
            : new InboundEmailResult(InboundEmailResult.Held, tn, sender.HeldBecause);
    }

    private static Dictionary<string, string> Said(string text) => new(StringComparer.Ordinal) { [P.Text] = text };
}
