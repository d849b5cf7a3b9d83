using System.Text;
using MimeKit;

namespace ServerlessComplaints.Workflow.Inbound;

/// <summary>
/// Loads a raw-mode message so that Chinese mail decodes: bare 8-bit header text (no encoded words) is read as the
/// body's charset, else as GB18030, which covers GB2312 and GBK; an 8-bit sender name is decoded whole.
/// </summary>
internal static class RawMimeLoader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    // InboundCharsets registers the code pages before this first touches MimeKit, which probes its charsets only once.
    private static readonly ParserOptions Gb18030Headers = Options(InboundCharsets.For("gb18030"));

    public static (MimeMessage Message, MailboxAddress? Sender) Load(byte[] raw)
    {
        var message = Parse(raw, Gb18030Headers);
        if (!HasEightBitHeaders(raw))
        {
            return (message, message.From.Mailboxes.FirstOrDefault() ?? message.Sender);
        }

        // Bare 8-bit headers are most often in the body's charset (Big5 mail from Taiwan or Hong Kong, say).
        var charset = Gb18030Headers.CharsetEncoding;
        if (message.BodyParts.OfType<TextPart>().FirstOrDefault()?.ContentType.Charset is { } declared
            && InboundCharsets.For(declared) is { CodePage: not 65001 } body && body.CodePage != charset.CodePage)
        {
            charset = body;
            message = Parse(raw, Options(body));
        }

        return (message, EightBitSender(message, charset) ?? message.From.Mailboxes.FirstOrDefault() ?? message.Sender);
    }

    private static ParserOptions Options(Encoding headerCharset)
    {
        var options = ParserOptions.Default.Clone();
        options.CharsetEncoding = headerCharset;
        return options;
    }

    private static MimeMessage Parse(byte[] raw, ParserOptions options)
    {
        using var stream = new MemoryStream(raw, writable: false);
        return MimeMessage.Load(options, stream);
    }

    private static bool HasEightBitHeaders(byte[] raw)
    {
        // The header block ends at the first empty line, CRLF or bare LF.
        var span = raw.AsSpan();
        var crlf = span.IndexOf("\n\r\n"u8);
        var lf = span.IndexOf("\n\n"u8);
        var end = crlf < 0 ? lf : lf < 0 ? crlf : Math.Min(crlf, lf);
        return span[..(end < 0 ? span.Length : end)].IndexOfAnyInRange((byte)0x80, (byte)0xFF) >= 0;
    }

    // MimeKit decodes an 8-bit display name in pieces split at ASCII bytes, and GBK, GB18030 and Big5 have ASCII
    // trail bytes: decode the whole header first, then parse the address from Unicode text.
    private static MailboxAddress? EightBitSender(MimeMessage message, Encoding charset)
    {
        var header = message.Headers.FirstOrDefault(h => h.Id == HeaderId.From);
        if (header is null || header.RawValue.AsSpan().IndexOfAnyInRange((byte)0x80, (byte)0xFF) < 0)
        {
            return null;
        }

        string text;
        try
        {
            text = StrictUtf8.GetString(header.RawValue);
        }
        catch (DecoderFallbackException)
        {
            text = charset.GetString(header.RawValue);
        }

        var unfolded = text.Replace("\r", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal);
        return InternetAddressList.TryParse(unfolded, out var list) ? list.Mailboxes.FirstOrDefault() : null;
    }
}
