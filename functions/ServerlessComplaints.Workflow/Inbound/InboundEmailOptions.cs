using ServerlessComplaints.Workflow.Intake;

namespace ServerlessComplaints.Workflow.Inbound;

/// <summary>
/// Section "InboundEmail": the shared secret SendGrid's Parse URL carries as the HTTP basic-auth password, and the
/// address customers reply to, plus-addressed per case (<c>complaints+CMP-…@example.cn</c>).
/// </summary>
public sealed class InboundEmailOptions
{
    public const string SectionName = "InboundEmail";

    public const int MinSecretLength = 16;

    /// <summary>The basic-auth password of the webhook; empty means the webhook is not configured and refuses every post.</summary>
    public string Secret { get; set; } = "";

    /// <summary>The mailbox the Inbound Parse MX receives for; replies go to its plus address per case.</summary>
    public string ReplyAddress { get; set; } = "complaints@example.cn";

    public bool IsConfigured => Secret.Length > 0;

    /// <summary>The plus address that threads a reply into <paramref name="trackingNumber"/>'s case.</summary>
    public string ReplyAddressFor(string trackingNumber)
    {
        var at = ReplyAddress.IndexOf('@', StringComparison.Ordinal);
        return at <= 0 ? ReplyAddress : $"{ReplyAddress[..at]}+{trackingNumber}{ReplyAddress[at..]}";
    }

    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (Secret.Length is > 0 and < MinSecretLength)
        {
            problems.Add($"{SectionName}:{nameof(Secret)} must be at least {MinSecretLength} characters (or empty to turn the webhook off).");
        }

        if (EmailAddressRule.Normalise(ReplyAddress, 254) is null || ReplyAddress.Contains('+', StringComparison.Ordinal))
        {
            problems.Add($"{SectionName}:{nameof(ReplyAddress)} must be a plain email address without a plus tag.");
        }

        return problems;
    }
}
