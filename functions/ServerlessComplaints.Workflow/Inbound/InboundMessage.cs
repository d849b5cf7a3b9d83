namespace ServerlessComplaints.Workflow.Inbound;

/// <summary>
/// One inbound email, whichever Inbound Parse mode delivered it: decoded subject and text, the sender, recipients
/// (envelope included, for plus addresses), the headers that reveal automatic mail, SPF/DKIM verdicts and attachments.
/// </summary>
public sealed record InboundMessage
{
    /// <summary>The Message-ID without angle brackets; a content hash when the mail had none.</summary>
    public required string MessageId { get; init; }

    public required string FromAddress { get; init; }

    public string? FromName { get; init; }

    /// <summary>The envelope sender (MAIL FROM); empty for the null sender of bounces, null when unknown.</summary>
    public string? EnvelopeFrom { get; init; }

    /// <summary>To, Cc and envelope recipients, addresses only.</summary>
    public IReadOnlyList<string> Recipients { get; init; } = [];

    public string Subject { get; init; } = "";

    /// <summary>The plain text (from the HTML part when the mail had no text part).</summary>
    public string Text { get; init; } = "";

    /// <summary>Headers that mark automatic mail (Auto-Submitted, X-Autoreply, Precedence, Content-Type …), case-insensitive names.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>SendGrid's SPF verdict, e.g. "pass", "fail", "softfail"; null when not given.</summary>
    public string? Spf { get; init; }

    /// <summary>SendGrid's DKIM verdicts, e.g. "{@example.cn : pass}"; null when not given.</summary>
    public string? Dkim { get; init; }

    public IReadOnlyList<InboundAttachment> Attachments { get; init; } = [];
}
