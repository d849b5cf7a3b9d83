using System.Net.Http.Headers;
using System.Text;
using MimeKit;

namespace ServerlessComplaints.Integration.Tests.LocalService;

/// <summary>Inbound Parse posts as SendGrid sends them over HTTP: multipart fields without part charsets, files as attachmentN.</summary>
internal static class SendGridForm
{
    public const string Inbox = "complaints@example.cn";

    public static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, .. "JFIF"u8, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0xFF, 0xD9];

    static SendGridForm() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>A parsed-mode post: the text in GB2312 as the charsets field says, attachments described in attachment-info.</summary>
    public static MultipartFormDataContent Parsed(string from, string subject, string text, string messageId, string extraHeaders = "", params (string Name, byte[] Content)[] attachments) =>
        Parsed(from, subject, text, messageId, extraHeaders, "pass", "{@example.cn : pass}", null, attachments);

    /// <summary>A parsed-mode post with SendGrid's SPF and DKIM verdicts and the envelope sender as given (a spoof, say).</summary>
    public static MultipartFormDataContent Verdicts(string from, string subject, string text, string messageId, string spf, string dkim, string envelopeFrom, params (string Name, byte[] Content)[] attachments) =>
        Parsed(from, subject, text, messageId, "", spf, dkim, envelopeFrom, attachments);

    private static MultipartFormDataContent Parsed(string from, string subject, string text, string messageId, string extraHeaders, string spf, string dkim, string? envelopeFrom, (string Name, byte[] Content)[] attachments)
    {
        var form = new MultipartFormDataContent();
        Field(form, "headers", Encoding.UTF8.GetBytes($"MIME-Version: 1.0\nFrom: {from}\nDate: Mon, 23 Nov 2026 10:00:00 +0800\nMessage-ID: <{messageId}>\nSubject: {subject}\nTo: {Inbox}\n{extraHeaders}"));
        Field(form, "dkim", Encoding.UTF8.GetBytes(dkim));
        Field(form, "to", Encoding.UTF8.GetBytes(Inbox));
        Field(form, "from", Encoding.UTF8.GetBytes(from));
        Field(form, "text", Encoding.GetEncoding("gb2312").GetBytes(text));
        Field(form, "sender_ip", "209.85.223.169"u8.ToArray());
        Field(form, "envelope", Encoding.UTF8.GetBytes($"{{\"to\":[\"{Inbox}\"],\"from\":\"{envelopeFrom ?? MailboxAddress.Parse(from).Address}\"}}"));
        Field(form, "attachments", Encoding.ASCII.GetBytes(attachments.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Field(form, "subject", Encoding.UTF8.GetBytes(subject));
        Field(form, "charsets", "{\"to\":\"UTF-8\",\"html\":\"UTF-8\",\"subject\":\"UTF-8\",\"from\":\"UTF-8\",\"text\":\"gb2312\"}"u8.ToArray());
        Field(form, "SPF", Encoding.UTF8.GetBytes(spf));
        if (attachments.Length > 0)
        {
            var info = attachments.Select((a, i) => $"\"attachment{i + 1}\":{{\"filename\":\"{a.Name}\",\"name\":\"{a.Name}\",\"type\":\"application/octet-stream\"}}");
            Field(form, "attachment-info", Encoding.UTF8.GetBytes("{" + string.Join(",", info) + "}"));
            for (var i = 0; i < attachments.Length; i++)
            {
                var file = new ByteArrayContent(attachments[i].Content);
                file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
                form.Add(file, $"attachment{i + 1}", attachments[i].Name);
            }
        }

        return form;
    }

    /// <summary>A raw-mode post: the whole MIME message in the field <c>email</c>.</summary>
    public static MultipartFormDataContent Raw(MimeMessage message)
    {
        using var stream = new MemoryStream();
        message.WriteTo(stream);
        var form = new MultipartFormDataContent();
        Field(form, "email", stream.ToArray());
        Field(form, "to", Encoding.UTF8.GetBytes(Inbox));
        Field(form, "from", Encoding.UTF8.GetBytes(message.From.ToString()));
        Field(form, "envelope", Encoding.UTF8.GetBytes($"{{\"to\":[\"{Inbox}\"],\"from\":\"{message.From.Mailboxes.First().Address}\"}}"));
        Field(form, "SPF", "pass"u8.ToArray());
        Field(form, "dkim", "{@example.cn : pass}"u8.ToArray());
        return form;
    }

    public static AuthenticationHeaderValue Basic(string password) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("sendgrid:" + password)));

    // A field part as SendGrid sends it: a name and raw bytes, no Content-Type and so no charset.
    private static void Field(MultipartFormDataContent form, string name, byte[] value)
    {
        var part = new ByteArrayContent(value);
        form.Add(part, name);
    }
}
