using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using System.Text.Json;
using MimeKit;
using MimeKit.Utils;

namespace ServerlessComplaints.Workflow.Inbound;

/// <summary>
/// Turns a SendGrid Inbound Parse post into one <see cref="InboundMessage"/>. Parsed mode: the fields (headers, text,
/// html, from, to, cc, subject, envelope, charsets, SPF, dkim, attachments, attachment-info, attachment1..N), each
/// text field decoded by the charset <c>charsets</c> names (GB2312, GBK, Big5, UTF-8 …), RFC 2047 words decoded.
/// Raw mode: the field <c>email</c> holds the whole MIME message, parsed with MimeKit.
/// </summary>
public sealed partial class InboundEmailParser
{
    // GB2312, GBK, GB18030 and Big5 must exist before MimeKit first runs; the hosts register them at start too.
    static InboundEmailParser() => InboundCharsets.EnsureRegistered();

    public InboundParseResult Parse(InboundPost post)
    {
        ArgumentNullException.ThrowIfNull(post);
        try
        {
            var charsets = Json(post, "charsets")?.Deserialize<Dictionary<string, string>>() ?? [];
            var envelope = Json(post, "envelope");
            return post.Fields.TryGetValue("email", out var raw)
                ? ParseRaw(raw, post, envelope)
                : ParseFields(post, charsets, envelope);
        }
        catch (JsonException ex)
        {
            return InboundParseResult.Malformed($"A JSON field is malformed: {ex.Message}");
        }
        catch (FormatException ex)
        {
            return InboundParseResult.Malformed($"The message could not be parsed: {ex.Message}");
        }
    }

    private static InboundParseResult ParseFields(InboundPost post, Dictionary<string, string> charsets, JsonElement? envelope)
    {
        string? Field(string name) => post.Fields.TryGetValue(name, out var bytes)
            ? InboundCharsets.Decode(bytes, charsets.GetValueOrDefault(name))
            : null;

        if (!post.Fields.ContainsKey("from") && !post.Fields.ContainsKey("headers") && envelope is null)
        {
            return InboundParseResult.Malformed("Neither the parsed fields (from, headers, envelope) nor a raw 'email' field was posted.");
        }

        var headers = InboundHeaders.Load(post.Fields.GetValueOrDefault("headers"));
        var sender = Mailbox(Field("from")) ?? Mailbox(headers.IndexOf(HeaderId.From) >= 0 ? headers[HeaderId.From] : null);
        var envelopeFrom = EnvelopeFrom(envelope);
        if (sender is null && string.IsNullOrEmpty(envelopeFrom))
        {
            return InboundParseResult.Malformed("The post names no sender (from or envelope.from).");
        }

        // SendGrid passes some subjects and file names through still RFC 2047-encoded.
        var subject = EncodedWords(Field("subject") ?? Header(headers, HeaderId.Subject) ?? "");

        var text = Field("text") is { Length: > 0 } plain ? plain : Field("html") is { Length: > 0 } html ? HtmlText.ToPlainText(html) : "";
        var attachments = Attachments(post);
        if (attachments.Error is not null)
        {
            return InboundParseResult.Malformed(attachments.Error);
        }

        var from = sender?.Address ?? envelopeFrom!;
        return new InboundParseResult(new InboundMessage
        {
            MessageId = InboundHeaders.MessageId(Header(headers, HeaderId.MessageId), from, subject, Header(headers, HeaderId.Date), text),
            FromAddress = from,
            FromName = string.IsNullOrWhiteSpace(sender?.Name) ? null : sender.Name.Trim(),
            EnvelopeFrom = envelopeFrom,
            Recipients = [.. Addresses(Field("to")), .. Addresses(Field("cc")), .. EnvelopeTo(envelope)],
            Subject = subject.Trim(),
            Text = text,
            Headers = InboundHeaders.Pick(headers),
            Spf = Field("SPF")?.Trim(),
            Dkim = Field("dkim")?.Trim(),
            Attachments = attachments.Files,
        }, null);
    }

    private static (List<InboundAttachment> Files, string? Error) Attachments(InboundPost post)
    {
        var count = 0;
        if (post.Fields.TryGetValue("attachments", out var countField)
            && !int.TryParse(Encoding.ASCII.GetString(countField).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out count))
        {
            return ([], "The attachments field must be a count.");
        }

        var info = Json(post, "attachment-info");
        var numbered = post.Files.Keys.Select(k => k.StartsWith("attachment", StringComparison.Ordinal)
            && int.TryParse(k.AsSpan(10), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0);
        count = Math.Max(count, numbered.DefaultIfEmpty(0).Max());

        // Parts attachment1..N must all be there, so a count above the number of files is a lie (and no allocation).
        if (count > post.Files.Count)
        {
            return ([], $"The post announces {count} attachments (attachment1..attachment{count}) but carries {post.Files.Count} files.");
        }

        var files = new List<InboundAttachment>(count);
        for (var i = 1; i <= count; i++)
        {
            var name = "attachment" + i.ToString(CultureInfo.InvariantCulture);
            if (!post.Files.TryGetValue(name, out var file))
            {
                return ([], $"The post announces {count} attachments but has no part '{name}'.");
            }

            var described = info is { ValueKind: JsonValueKind.Object } i2 && i2.TryGetProperty(name, out var d) && d.ValueKind == JsonValueKind.Object
                && d.TryGetProperty("filename", out var f) && f.ValueKind == JsonValueKind.String ? f.GetString() : null;
            files.Add(file with { FileName = EncodedWords(string.IsNullOrWhiteSpace(described) ? file.FileName : described) });
        }

        return (files, null);
    }

    [return: NotNullIfNotNull(nameof(value))]
    private static string? EncodedWords(string? value) =>
        value is not null && value.Contains("=?", StringComparison.Ordinal) ? Rfc2047.DecodeText(Encoding.UTF8.GetBytes(value)) : value;

    private static JsonElement? Json(InboundPost post, string field) =>
        post.Fields.TryGetValue(field, out var bytes) && bytes.Length > 0 ? JsonDocument.Parse(bytes).RootElement.Clone() : null;

    private static string? Header(HeaderList headers, HeaderId id) => headers.IndexOf(id) >= 0 ? headers[id] : null;

    private static MailboxAddress? Mailbox(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null
        : MailboxAddress.TryParse(value, out var mailbox) ? mailbox
        : InternetAddressList.TryParse(value, out var list) ? list.Mailboxes.FirstOrDefault()
        : null;

    private static IEnumerable<string> Addresses(string? value) =>
        !string.IsNullOrWhiteSpace(value) && InternetAddressList.TryParse(value, out var list) ? list.Mailboxes.Select(m => m.Address) : [];

    private static string? EnvelopeFrom(JsonElement? envelope) =>
        envelope is { ValueKind: JsonValueKind.Object } e && e.TryGetProperty("from", out var from) && from.ValueKind == JsonValueKind.String
            ? from.GetString()!.Trim().Trim('<', '>')
            : null;

    private static IEnumerable<string> EnvelopeTo(JsonElement? envelope) =>
        envelope is { ValueKind: JsonValueKind.Object } e && e.TryGetProperty("to", out var to) && to.ValueKind == JsonValueKind.Array
            ? [.. to.EnumerateArray().Where(t => t.ValueKind == JsonValueKind.String).Select(t => t.GetString()!)]
            : [];
}
