using System.Text;
using ServerlessComplaints.Workflow.Inbound;
using ServerlessComplaints.Workflow.Tests.Evidence;
using static ServerlessComplaints.Workflow.Tests.Inbound.SendGridPosts;

namespace ServerlessComplaints.Workflow.Tests.Inbound;

public class InboundEmailParserCharsetTests
{
    private readonly InboundEmailParser _parser = new();

    [Theory]
    [InlineData("gb2312", "投诉：门店服务态度差", "陈静")]
    [InlineData("gbk", "投诉：镕基路门店退款未到账", "王喆")]
    [InlineData("gb18030", "投诉：𠮷野家外卖少送一份", "李㐀")]
    [InlineData("big5", "投訴：門市服務態度差", "陳靜")]
    public void Parse_RawEightBitHeaders_DecodedInTheBodysCharsetOrGb18030(string charset, string subject, string name)
    {
        var encoding = Encoding.GetEncoding(charset);
        byte[] email = [.. Utf8("From: "), .. encoding.GetBytes(name), .. Utf8($" <{CustomerAddress}>\r\nTo: {Inbox}\r\nSubject: "), .. encoding.GetBytes(subject),
            .. Utf8($"\r\nMessage-ID: <8bit@mail.example.cn>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset={charset}\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"),
            .. encoding.GetBytes(subject)];

        var message = _parser.Parse(RawBytes(email)).Message!;

        Assert.Equal((subject, name), (message.Subject, message.FromName));
    }

    [Theory]
    [InlineData("GB2312", "发票.jpg")]
    [InlineData("GBK", "喆的收据.jpg")]
    [InlineData("GB18030", "外卖单据.jpg")]
    [InlineData("Big5", "發票.jpg")]
    public void Parse_AttachmentInfoNameAsEncodedWord_Decoded(string charset, string fileName)
    {
        var word = $"=?{charset}?B?{Convert.ToBase64String(Encoding.GetEncoding(charset).GetBytes(fileName))}?=";

        var message = _parser.Parse(Parsed(attachments: [(word, EvidenceSamples.Jpeg)])).Message!;

        Assert.Equal(fileName, Assert.Single(message.Attachments).FileName);
    }

    [Theory]
    [InlineData("2147483647")]
    [InlineData("-1")]
    [InlineData("+1")]
    [InlineData("99999999999")]
    [InlineData("1e9")]
    [InlineData("٣")]
    public void Parse_AbsurdAttachmentCount_IsMalformed(string count)
    {
        var result = _parser.Parse(Parsed(fields: new Dictionary<string, byte[]?> { ["attachments"] = Utf8(count) }));

        Assert.Null(result.Message);
        Assert.NotNull(result.Error);
    }

    [Fact]
    public void Parse_FilePartNumberedFarBeyondTheFiles_IsMalformedWithoutAllocating()
    {
        var post = Parsed();
        var files = new Dictionary<string, InboundAttachment>(StringComparer.Ordinal) { ["attachment2147483647"] = new("x.jpg", EvidenceSamples.Jpeg) };

        var result = _parser.Parse(post with { Files = files });

        Assert.Null(result.Message);
        Assert.Contains("2147483647", result.Error, StringComparison.Ordinal);
    }
}
