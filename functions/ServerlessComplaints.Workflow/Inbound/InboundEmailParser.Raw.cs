using System.Text;
using System.Text.Json;
using MimeKit;

namespace ServerlessComplaints.Workflow.Inbound;

/// <summary>Raw mode: the whole MIME message in the field <c>email</c>; MimeKit decodes charsets, encoded words and attachments.</summary>
public sealed partial class InboundEmailParser
{
    private static InboundParseResult ParseRaw(byte[] raw, InboundPost post, JsonElement? envelope)
    {
        if (raw.Length == 0)
        {
            return InboundParseResult.Malformed("The 'email' field is empty.");
        }

        var (message, sender) = RawMimeLoader.Load(raw);
        var envelopeFrom = EnvelopeFrom(envelope);
        if (sender is null && string.IsNullOrEmpty(envelopeFrom))
        {
            return InboundParseResult.Malformed("The message has no sender (From header or envelope.from).");
        }

        var text = message.TextBody is { Length: > 0 } plain ? plain
            : message.HtmlBody is { Length: > 0 } html ? HtmlText.ToPlainText(html)
            : "";
        var from = sender?.Address ?? envelopeFrom!;
        var subject = message.Subject ?? "";
        var headers = InboundHeaders.Pick(message.Headers);

        // MimeKit keeps Content-Type with the body, not the message headers; a delivery report is known by it.
        if (message.Body is { } body)
        {
            headers["Content-Type"] = body.ContentType.MimeType;
        }

        string? Field(string name) => post.Fields.TryGetValue(name, out var bytes) ? Encoding.UTF8.GetString(bytes).Trim() : null;
        return new InboundParseResult(new InboundMessage
        {
            MessageId = InboundHeaders.MessageId(message.MessageId, from, subject, message.Headers[HeaderId.Date], text),
            FromAddress = from,
            FromName = string.IsNullOrWhiteSpace(sender?.Name) ? null : sender.Name.Trim(),
            EnvelopeFrom = envelopeFrom,
            Recipients = [.. message.To.Mailboxes.Select(m => m.Address), .. message.Cc.Mailboxes.Select(m => m.Address), .. EnvelopeTo(envelope)],
            Subject = subject.Trim(),
            Text = text,
            Headers = headers,
            Spf = Field("SPF"),
            Dkim = Field("dkim"),
            Attachments = [.. message.Attachments.Select(Attachment)],
        }, null);
    }

    private static InboundAttachment Attachment(MimeEntity entity)
    {
        using var content = new MemoryStream();
        switch (entity)
        {
            case MimePart part:
                part.Content?.DecodeTo(content);
                return new InboundAttachment(part.FileName, content.ToArray());
            case MessagePart forwarded:
                forwarded.Message?.WriteTo(content);
                return new InboundAttachment(entity.ContentDisposition?.FileName ?? "message.eml", content.ToArray());
            default:
                return new InboundAttachment(entity.ContentDisposition?.FileName, content.ToArray());
        }
    }
}
