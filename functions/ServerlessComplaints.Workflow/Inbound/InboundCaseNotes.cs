using ServerlessComplaints.Workflow.Cases;

namespace ServerlessComplaints.Workflow.Inbound;

/// <summary>
/// Timeline entries about one inbound mail, with ids derived from its Message-ID so a retried delivery writes none twice:
/// refused attachments (public, so the customer knows), failed SPF/DKIM checks and ignored automatic mail (staff only).
/// </summary>
public sealed class InboundCaseNotes(ITimelineStore timeline, TimeProvider time)
{
    public async Task RecordAsync(string trackingNumber, string messageKey, InboundMessage message, IReadOnlyList<string> refused, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(refused);
        var id = InboundMessageKey.EntryId(trackingNumber, messageKey);
        var now = time.GetUtcNow().UtcDateTime;
        for (var i = 0; i < refused.Count; i++)
        {
            await timeline.AppendAsync(new TimelineEntry(trackingNumber, $"{id}-refused-{i}", now, "system", "evidence-refused", refused[i], IsPublic: true), cancellationToken);
        }

        if (AuthenticationFailure(message) is { } failure)
        {
            await timeline.AppendAsync(new TimelineEntry(trackingNumber, $"{id}-auth", now, "system", "email-authentication-failed", failure, IsPublic: false), cancellationToken);
        }
    }

    public Task IgnoredAsync(string trackingNumber, string messageKey, string reason, CancellationToken cancellationToken) =>
        timeline.AppendAsync(
            new TimelineEntry(trackingNumber, $"{InboundMessageKey.EntryId(trackingNumber, messageKey)}-ignored", time.GetUtcNow().UtcDateTime, "system", "automatic-email-ignored", reason, IsPublic: false),
            cancellationToken);

    /// <summary>"SPF: fail; DKIM: {@example.cn : fail}" when either check failed, else null (a missing check is not a failure).</summary>
    public static string? AuthenticationFailure(InboundMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var failures = new List<string>(2);
        if (message.Spf?.ToLowerInvariant() is "fail" or "softfail" or "permerror" or "temperror")
        {
            failures.Add($"SPF: {message.Spf}");
        }

        if (message.Dkim is { } dkim && dkim.Contains("fail", StringComparison.OrdinalIgnoreCase))
        {
            failures.Add($"DKIM: {InboundText.Clean(dkim, 300, multiline: false)}");
        }

        return failures.Count == 0 ? null : string.Join("; ", failures);
    }
}
