namespace ServerlessComplaints.Workflow.Notifications;

/// <summary>
/// The body of a mail as parts in reading order, for <see cref="IMailLayout"/> to lay out as HTML: a part is either
/// text the product wrote (its http(s) links become anchors) or a value people typed or the centre computed, shown
/// as text and never as a link.
/// </summary>
public sealed record MailBody(IReadOnlyList<MailPart> Parts)
{
    /// <summary>The body as plain text, the mail's text part.</summary>
    public string Text => string.Concat(Parts.Select(p => p.Text));
}

/// <summary>One run of a mail body; <see cref="ProductLinks"/> marks text whose URLs the product made.</summary>
public sealed record MailPart(string Text, bool ProductLinks = false);

/// <summary>The HTML document of a mail, in the product's mail layout (a Razor component in the Web project).</summary>
public interface IMailLayout
{
    /// <summary>The HTML part of a mail with <paramref name="subject"/> and <paramref name="body"/>, in <paramref name="language"/> (a culture name).</summary>
    Task<string> RenderAsync(string subject, MailBody body, string language, CancellationToken cancellationToken);
}

/// <summary>A mail's rendered texts: its subject, its body as parts (the text part is <see cref="MailBody.Text"/>).</summary>
public sealed record MailContent(string Subject, MailBody Body);
