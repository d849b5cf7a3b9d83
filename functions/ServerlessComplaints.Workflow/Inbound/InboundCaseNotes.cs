using ServerlessComplaints.Workflow.Cases;

namespace ServerlessComplaints.Workflow.Inbound;

/// <summary>
/// Timeline entries about one inbound mail, with ids derived from its key so a retried delivery writes none twice:
/// refused attachments (each with its name for staff; for the customer one entry with the reasons only, as names
/// are never shown publicly), failed SPF/DKIM checks and ignored automatic mail (staff only).
/// </summary>
public sealed class InboundCaseNotes(ITimelineStore timeline, TimeProvider time)
{
    /// <summary>Staff only: one refused attachment, "name: reason".</summary>
    public const string EvidenceRefused = TimelineCodes.EvidenceRefused;

    /// <summary>On the status page: the reasons attachments were not accepted, without their names.</summary>
    public const string AttachmentsRefused = TimelineCodes.AttachmentsRefused;

    public async Task RecordAsync(string trackingNumber, string messageKey, InboundMessage message, IReadOnlyList<RefusedAttachment> refused, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(refused);
        var id = InboundMessageKey.EntryId(trackingNumber, messageKey);
        var now = time.GetUtcNow().UtcDateTime;
        for (var i = 0; i < refused.Count; i++)
        {
            await timeline.AppendAsync(new TimelineEntry(trackingNumber, $"{id}-refused-{i}", now, "system", EvidenceRefused, refused[i].ToString(), IsPublic: false), cancellationToken);
        }

        if (refused.Count > 0)
        {
            var reasons = string.Join("; ", refused.Select(r => r.Reason));
            await timeline.AppendAsync(new TimelineEntry(trackingNumber, $"{id}-refused", now, "system", AttachmentsRefused, reasons, IsPublic: true), cancellationToken);
        }

        if (SenderAuthentication.Failure(message) is { } failure)
        {
            await timeline.AppendAsync(new TimelineEntry(trackingNumber, $"{id}-auth", now, "system", "email-authentication-failed", failure, IsPublic: false), cancellationToken);
        }
    }

    public Task IgnoredAsync(string trackingNumber, string messageKey, string reason, CancellationToken cancellationToken) =>
        timeline.AppendAsync(
            new TimelineEntry(trackingNumber, $"{InboundMessageKey.EntryId(trackingNumber, messageKey)}-ignored", time.GetUtcNow().UtcDateTime, "system", "automatic-email-ignored", reason, IsPublic: false),
            cancellationToken);
}
