namespace ServerlessComplaints.Workflow.Inbound;

/// <summary>What marks a mail as automatic: a code (<c>Automatic.*</c>, for the timeline) and the English reason (webhook answer).</summary>
public sealed record AutomaticSign(string Code, string Reason);

/// <summary>
/// Recognises auto-replies and bounces (RFC 3834 Auto-Submitted, vendor X-Autoreply headers, bulk precedence, the
/// null sender, delivery reports, mailer-daemon and no-reply senders): they never open cases and are never answered.
/// </summary>
public static class AutomaticMail
{
    public const string AutoSubmitted = "auto-submitted";
    public const string AutoreplyHeader = "autoreply-header";
    public const string Bulk = "bulk";
    public const string DeliveryReport = "delivery-report";
    public const string NullSender = "null-sender";
    public const string AutomaticSender = "automatic-sender";

    private static readonly string[] AutomaticLocalParts = ["mailer-daemon", "postmaster", "noreply", "no-reply", "do-not-reply", "donotreply"];

    /// <summary>Why the message is automatic, or null for mail a person sent.</summary>
    public static string? Reason(InboundMessage message) => Sign(message)?.Reason;

    /// <summary>What marks the message as automatic, or null for mail a person sent.</summary>
    public static AutomaticSign? Sign(InboundMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var headers = message.Headers;
        if (headers.TryGetValue("Auto-Submitted", out var autoSubmitted) && !autoSubmitted.StartsWith("no", StringComparison.OrdinalIgnoreCase))
        {
            return new(AutoSubmitted, $"Auto-Submitted: {autoSubmitted}");
        }

        foreach (var name in (string[])["X-Autoreply", "X-Autorespond", "X-Autoresponder"])
        {
            if (headers.ContainsKey(name))
            {
                return new(AutoreplyHeader, $"{name} header");
            }
        }

        if (headers.TryGetValue("Precedence", out var precedence) && precedence.ToLowerInvariant() is "bulk" or "junk" or "auto_reply" or "list")
        {
            return new(Bulk, $"Precedence: {precedence}");
        }

        if (headers.ContainsKey("X-Failed-Recipients")
            || (headers.TryGetValue("Content-Type", out var type) && type.Contains("multipart/report", StringComparison.OrdinalIgnoreCase)))
        {
            return new(DeliveryReport, "delivery status report (bounce)");
        }

        if (message.EnvelopeFrom is { Length: 0 })
        {
            return new(NullSender, "null envelope sender (bounce)");
        }

        var at = message.FromAddress.IndexOf('@', StringComparison.Ordinal);
        var local = (at < 0 ? message.FromAddress : message.FromAddress[..at]).ToLowerInvariant();
        return AutomaticLocalParts.Contains(local) ? new(AutomaticSender, $"automatic sender {local}") : null;
    }
}
