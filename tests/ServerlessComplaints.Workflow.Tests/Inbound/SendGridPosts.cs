using System.Text;
using MimeKit;
using ServerlessComplaints.Workflow.Inbound;
using ServerlessComplaints.Workflow.Tests.Evidence;

namespace ServerlessComplaints.Workflow.Tests.Inbound;

/// <summary>Inbound Parse posts shaped the way SendGrid sends them: parsed-mode fields as raw bytes, or one raw <c>email</c> field.</summary>
internal static class SendGridPosts
{
    public const string CustomerAddress = "wang.fang@example.cn";
    public const string Inbox = "complaints@example.cn";
    public const string ChineseBody = "11月20日在浦东店购买的电饭煲，使用两天后无法加热。\n请尽快处理。";

    static SendGridPosts() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static Encoding Gb2312 => Encoding.GetEncoding("gb2312");

    public static Encoding Big5 => Encoding.GetEncoding("big5");

    /// <summary>A parsed-mode post; <paramref name="fields"/> override or add fields (a null value removes one).</summary>
    public static InboundPost Parsed(
        string messageId = "<CAB1x9@mail.example.cn>",
        string subject = "电饭煲无法加热",
        string? text = ChineseBody,
        string textCharset = "UTF-8",
        IReadOnlyDictionary<string, byte[]?>? fields = null,
        IReadOnlyList<(string Name, byte[] Content)>? attachments = null,
        string extraHeaders = "")
    {
        var textBytes = text is null ? null : Encoding.GetEncoding(textCharset).GetBytes(text);
        var all = new Dictionary<string, byte[]?>(StringComparer.Ordinal)
        {
            ["headers"] = Utf8($"Received: by mx0047p1mdw1.sendgrid.net with SMTP id 6WCVv7KAWn\nMIME-Version: 1.0\nFrom: =?UTF-8?B?546L6Iqz?= <{CustomerAddress}>\nDate: Mon, 23 Nov 2026 10:00:00 +0800\nMessage-ID: {messageId}\nSubject: {subject}\nTo: {Inbox}\n{extraHeaders}Content-Type: multipart/alternative; boundary=001a113df448cad2d00538a3e4ec\n"),
            ["dkim"] = Utf8("{@example.cn : pass}"),
            ["to"] = Utf8(Inbox),
            ["from"] = Utf8($"王芳 <{CustomerAddress}>"),
            ["text"] = textBytes,
            ["sender_ip"] = Utf8("209.85.223.169"),
            ["envelope"] = Utf8($"{{\"to\":[\"{Inbox}\"],\"from\":\"{CustomerAddress}\"}}"),
            ["attachments"] = Utf8((attachments?.Count ?? 0).ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ["subject"] = Utf8(subject),
            ["spam_score"] = Utf8("0.1"),
            ["charsets"] = Utf8($"{{\"to\":\"UTF-8\",\"html\":\"UTF-8\",\"subject\":\"UTF-8\",\"from\":\"UTF-8\",\"text\":\"{textCharset}\"}}"),
            ["SPF"] = Utf8("pass"),
        };
        var files = new Dictionary<string, InboundAttachment>(StringComparer.Ordinal);
        if (attachments is { Count: > 0 })
        {
            var info = attachments.Select((a, i) => $"\"attachment{i + 1}\":{{\"filename\":\"{a.Name}\",\"name\":\"{a.Name}\",\"type\":\"image/jpeg\"}}");
            all["attachment-info"] = Utf8("{" + string.Join(",", info) + "}");
            for (var i = 0; i < attachments.Count; i++)
            {
                // SendGrid's part file name can differ from the real one; attachment-info has the real one.
                files[$"attachment{i + 1}"] = new InboundAttachment($"attachment{i + 1}", attachments[i].Content);
            }
        }

        foreach (var (name, value) in fields ?? new Dictionary<string, byte[]?>())
        {
            all[name] = value;
        }

        return new InboundPost(all.Where(f => f.Value is not null).ToDictionary(f => f.Key, f => f.Value!, StringComparer.Ordinal), files);
    }

    /// <summary>A Chinese complaint as a MIME message (GB2312 text, a JPEG photo), built with MimeKit.</summary>
    public static MimeMessage ChineseMimeMessage(string messageId = "raw-1@mail.example.cn")
    {
        var message = new MimeMessage { Subject = "投诉：电饭煲无法加热", MessageId = messageId };
        message.From.Add(new MailboxAddress("王芳", CustomerAddress));
        message.To.Add(MailboxAddress.Parse(Inbox));
        var text = new TextPart("plain");
        text.SetText("gb2312", ChineseBody);
        var photo = new MimePart("image", "jpeg")
        {
            Content = new MimeContent(new MemoryStream(EvidenceSamples.Jpeg)),
            ContentDisposition = new ContentDisposition(ContentDisposition.Attachment),
            ContentTransferEncoding = ContentEncoding.Base64,
            FileName = "照片.jpg",
        };
        message.Body = new Multipart("mixed") { text, photo };
        return message;
    }

    /// <summary>A raw-mode post: the whole message in <c>email</c>, with the fields SendGrid still adds.</summary>
    public static InboundPost Raw(MimeMessage message, string spf = "pass")
    {
        using var stream = new MemoryStream();
        message.WriteTo(stream);
        return RawBytes(stream.ToArray(), spf);
    }

    public static InboundPost RawBytes(byte[] email, string spf = "pass") => new(
        new Dictionary<string, byte[]>(StringComparer.Ordinal)
        {
            ["email"] = email,
            ["to"] = Utf8(Inbox),
            ["from"] = Utf8(CustomerAddress),
            ["envelope"] = Utf8($"{{\"to\":[\"{Inbox}\"],\"from\":\"{CustomerAddress}\"}}"),
            ["SPF"] = Utf8(spf),
            ["dkim"] = Utf8("{@example.cn : pass}"),
            ["charsets"] = Utf8("{\"to\":\"UTF-8\",\"from\":\"UTF-8\"}"),
        },
        new Dictionary<string, InboundAttachment>(StringComparer.Ordinal));

    public static byte[] Utf8(string value) => Encoding.UTF8.GetBytes(value);
}
