using ServerlessComplaints.Workflow.Cases;
using ServerlessComplaints.Workflow.Intake;
using P = ServerlessComplaints.Workflow.Cases.TimelineParameters;

namespace ServerlessComplaints.Workflow.Inbound;

/// <summary>
/// Timeline entries about one inbound mail, with ids derived from its key so a retried delivery writes none twice:
/// refused attachments (each with its name for staff; for the customer one entry with the reasons only, as names
/// are never shown publicly), failed SPF/DKIM checks and ignored automatic mail (staff only). Reasons are codes.
/// </summary>
public sealed class InboundCaseNotes(ITimelineStore timeline, IntakeLimits limits, TimeProvider time)
{
    /// <summary>Staff only: one refused attachment, its name and reasons.</summary>
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
            var parameters = RefusalCodes.Limits(limits);
            parameters[P.Files] = refused[i].FileName;
            parameters[P.Reasons] = string.Join(',', refused[i].Codes);
            await timeline.AppendAsync(TimelineEntry.Of(trackingNumber, $"{id}-refused-{i}", now, "system", EvidenceRefused, false, parameters), cancellationToken);
        }

        if (refused.Count > 0)
        {
            var parameters = RefusalCodes.Limits(limits);
            parameters[P.Reasons] = string.Join(',', refused.SelectMany(r => r.Codes).Distinct(StringComparer.Ordinal));
            await timeline.AppendAsync(TimelineEntry.Of(trackingNumber, $"{id}-refused", now, "system", AttachmentsRefused, true, parameters), cancellationToken);
        }

        if (SenderAuthentication.Failure(message) is { } failure)
        {
            await timeline.AppendAsync(
                TimelineEntry.Of(trackingNumber, $"{id}-auth", now, "system", TimelineCodes.EmailAuthenticationFailed, false, new Dictionary<string, string> { [P.Verdict] = P.Clip(failure) }),
                cancellationToken);
        }
    }

    /// <summary>Staff only: automatic mail (<paramref name="sign"/>, an <see cref="AutomaticMail"/> code) that was not recorded.</summary>
    public Task IgnoredAsync(string trackingNumber, string messageKey, string sign, CancellationToken cancellationToken) =>
        timeline.AppendAsync(
            TimelineEntry.Of(trackingNumber, $"{InboundMessageKey.EntryId(trackingNumber, messageKey)}-ignored", time.GetUtcNow().UtcDateTime, "system",
                TimelineCodes.AutomaticEmailIgnored, false, new Dictionary<string, string> { [P.Sign] = sign }),
            cancellationToken);
}
