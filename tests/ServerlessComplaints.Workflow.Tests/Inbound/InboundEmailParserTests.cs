using System.Text;
using MimeKit;
using ServerlessComplaints.Workflow.Inbound;
using ServerlessComplaints.Workflow.Tests.Evidence;
using static ServerlessComplaints.Workflow.Tests.Inbound.SendGridPosts;

namespace ServerlessComplaints.Workflow.Tests.Inbound;

public class InboundEmailParserTests
{
    private readonly InboundEmailParser _parser = new();

    [Fact]
    public void Parse_ParsedModeWithGb2312Text_DecodesChineseSubjectAndBody()
    {
        var post = Parsed(text: ChineseBody, textCharset: "gb2312");

        var message = _parser.Parse(post).Message!;

        Assert.NotEqual(Encoding.UTF8.GetBytes(ChineseBody), post.Fields["text"]);
        Assert.Equal(ChineseBody, message.Text);
        Assert.Equal("电饭煲无法加热", message.Subject);
        Assert.Equal(CustomerAddress, message.FromAddress);
        Assert.Equal("王芳", message.FromName);
        Assert.Equal("CAB1x9@mail.example.cn", message.MessageId);
        Assert.Equal("pass", message.Spf);
        Assert.Contains(Inbox, message.Recipients);
    }

    [Fact]
    public void Parse_Rfc2047Gb2312Subject_DecodesTheEncodedWords()
    {
        var encoded = "=?GB2312?B?" + Convert.ToBase64String(Gb2312.GetBytes("投诉：电饭煲无法加热")) + "?=";

        var message = _parser.Parse(Parsed(subject: encoded)).Message!;

        Assert.Equal("投诉：电饭煲无法加热", message.Subject);
    }

    [Fact]
    public void Parse_Big5Text_DecodesTraditionalChinese()
    {
        const string body = "電飯煲使用兩天後無法加熱，請盡快處理。";

        var message = _parser.Parse(Parsed(text: body, textCharset: "big5")).Message!;

        Assert.Equal(body, message.Text);
    }

    [Fact]
    public void Parse_GbkCharacterOutsideGb2312LabelledGb2312_StillDecodes()
    {
        // 镕 is in GBK but not in GB2312; mail clients label such text gb2312 all the same.
        const string body = "朱镕基路店的服务态度很差。";
        var post = Parsed(fields: new Dictionary<string, byte[]?> { ["text"] = Encoding.GetEncoding(936).GetBytes(body) }, textCharset: "gb2312");

        var message = _parser.Parse(post).Message!;

        Assert.Equal(body, message.Text);
    }

    [Fact]
    public void Parse_AttachmentInfo_GivesRealFileNamesAndBytes()
    {
        var post = Parsed(attachments: [("照片.jpg", EvidenceSamples.Jpeg), ("小票.pdf", EvidenceSamples.Pdf)]);

        var message = _parser.Parse(post).Message!;

        Assert.Equal(["照片.jpg", "小票.pdf"], message.Attachments.Select(a => a.FileName));
        Assert.Equal(EvidenceSamples.Jpeg, message.Attachments[0].Content.ToArray());
    }

    [Fact]
    public void Parse_AnnouncedAttachmentMissing_IsMalformed()
    {
        var post = Parsed(fields: new Dictionary<string, byte[]?> { ["attachments"] = Utf8("2") });

        var result = _parser.Parse(post);

        Assert.Null(result.Message);
        Assert.Contains("attachment1", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("charsets", "{not json")]
    [InlineData("envelope", "[\"unterminated")]
    [InlineData("attachments", "two")]
    public void Parse_BrokenStructuredField_IsMalformed(string field, string value)
    {
        var result = _parser.Parse(Parsed(fields: new Dictionary<string, byte[]?> { [field] = Utf8(value) }));

        Assert.Null(result.Message);
        Assert.NotNull(result.Error);
    }

    [Fact]
    public void Parse_NoSenderAnywhere_IsMalformed()
    {
        var post = new InboundPost(new Dictionary<string, byte[]> { ["text"] = Utf8("hello"), ["subject"] = Utf8("hi") }, new Dictionary<string, InboundAttachment>());

        var result = _parser.Parse(post);

        Assert.Null(result.Message);
    }

    [Fact]
    public void Parse_HtmlOnly_TakesTextFromTheHtml()
    {
        var html = "<html><head><style>p{color:red}</style></head><body><p>屏幕&nbsp;碎裂</p><p>订单 &lt;SO-88231&gt;<br>谢谢</p><script>x()</script></body></html>";
        var post = Parsed(text: null, fields: new Dictionary<string, byte[]?> { ["html"] = Utf8(html) });

        var message = _parser.Parse(post).Message!;

        Assert.Equal("屏幕 碎裂\n订单 <SO-88231>\n谢谢", message.Text);
    }

    [Fact]
    public void Parse_NoMessageId_GivesAStableContentId()
    {
        var post = Parsed(fields: new Dictionary<string, byte[]?> { ["headers"] = Utf8($"From: {CustomerAddress}\nSubject: x\n") });

        var first = _parser.Parse(post).Message!;
        var second = _parser.Parse(post).Message!;

        Assert.StartsWith("content-", first.MessageId, StringComparison.Ordinal);
        Assert.Equal(first.MessageId, second.MessageId);
    }

    [Fact]
    public void Parse_RawModeMultipartWithJpeg_DecodesGb2312BodySubjectAndPhoto()
    {
        var post = Raw(ChineseMimeMessage(), spf: "softfail");

        var message = _parser.Parse(post).Message!;

        Assert.Equal("raw-1@mail.example.cn", message.MessageId);
        Assert.Equal("投诉：电饭煲无法加热", message.Subject);
        Assert.Equal(ChineseBody, message.Text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd());
        Assert.Equal("王芳", message.FromName);
        var photo = Assert.Single(message.Attachments);
        Assert.Equal("照片.jpg", photo.FileName);
        Assert.Equal(EvidenceSamples.Jpeg, photo.Content.ToArray());
        Assert.Equal("softfail", message.Spf);
    }

    [Fact]
    public void Parse_RawModeWithoutSender_IsMalformed()
    {
        var post = RawBytes(Utf8("this is not a mail message at all"));
        var withoutEnvelope = new InboundPost(post.Fields.Where(f => f.Key != "envelope").ToDictionary(), post.Files);

        var result = _parser.Parse(withoutEnvelope);

        Assert.Null(result.Message);
    }

    [Fact]
    public void Parse_RawAutoReply_KeepsTheLoopHeaders()
    {
        var reply = ChineseMimeMessage("ooo-1@mail.example.cn");
        reply.Headers.Add("Auto-Submitted", "auto-replied");
        reply.Headers.Add("X-Autoreply", "yes");

        var message = _parser.Parse(Raw(reply)).Message!;

        Assert.Equal("auto-replied", message.Headers["auto-submitted"]);
        Assert.NotNull(AutomaticMail.Reason(message));
    }

    [Fact]
    public void Parse_RawBounce_IsRecognisedAsAutomatic()
    {
        var bounce = new MimeMessage { Subject = "Undelivered Mail Returned to Sender", MessageId = "bounce-1@mx.example.cn" };
        bounce.From.Add(new MailboxAddress("Mail Delivery System", "MAILER-DAEMON@mx.example.cn"));
        bounce.To.Add(MailboxAddress.Parse(Inbox));
        bounce.Body = new Multipart("report") { new TextPart("plain") { Text = "This is the mail system at host mx.example.cn." } };

        var message = _parser.Parse(Raw(bounce)).Message!;

        Assert.Contains("bounce", AutomaticMail.Reason(message), StringComparison.Ordinal);
    }
}
