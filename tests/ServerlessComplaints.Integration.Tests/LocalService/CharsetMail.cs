using System.Globalization;
using System.Text;

namespace ServerlessComplaints.Integration.Tests.LocalService;

/// <summary>One mail's texts and the legacy charset a Chinese mail client would send them in.</summary>
internal sealed record CharsetSample(string Charset, string Subject, string Name, string Body, string FileName);

/// <summary>
/// Inbound Parse posts whose subject, sender name, body and attachment name are in a legacy Chinese charset, built
/// byte by byte so the labels are exactly what the clients write (MimeKit would relabel GBK as gb2312).
/// </summary>
internal static class CharsetMail
{
    /// <summary>GBK and GB18030 carry characters outside GB2312 (喆, 镕; 𠮷 and 㐀 as four-byte GB18030).</summary>
    public static readonly CharsetSample[] Samples =
    [
        new("GB2312", "投诉：门店服务态度差", "陈静", "在浦东店购买的电饭煲无法加热，店员态度很差。", "发票.jpg"),
        new("GBK", "投诉：镕基路门店退款未到账", "王喆", "喆在镕基路门店退货，退款至今未到账。", "喆的收据.jpg"),
        new("GB18030", "投诉：𠮷野家外卖少送一份", "李㐀", "外卖少送一份𠮷野家套餐，㐀号订单。", "外卖单据.jpg"),
        new("Big5", "投訴：門市服務態度差", "陳靜", "在台北門市購買的電鍋無法加熱，店員態度很差。", "發票.jpg"),
    ];

    static CharsetMail() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>
    /// Raw mode: subject and sender name as encoded words, or as the charset's bare 8-bit bytes as some clients send
    /// them; the body as 8bit or base64 in the charset; the file name per RFC 2047 or RFC 2231.
    /// </summary>
    public static MultipartFormDataContent Raw(CharsetSample sample, string address, string messageId, bool eightBitHeaders, bool eightBitBody, bool rfc2231Name)
    {
        var charset = Encoding.GetEncoding(sample.Charset);
        byte[] HeaderText(string value) => eightBitHeaders ? charset.GetBytes(value) : Ascii(Word(sample.Charset, value));
        var body = charset.GetBytes(sample.Body);
        var fileName = rfc2231Name
            ? $"filename*={sample.Charset}''{Percent(charset.GetBytes(sample.FileName))}"
            : $"filename=\"{Word(sample.Charset, sample.FileName)}\"";
        byte[] mime =
        [
            .. Ascii("From: "), .. HeaderText(sample.Name), .. Ascii($" <{address}>\r\nTo: {SendGridForm.Inbox}\r\nSubject: "), .. HeaderText(sample.Subject),
            .. Ascii($"\r\nMessage-ID: <{messageId}>\r\nDate: Mon, 23 Nov 2026 10:00:00 +0800\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"part\"\r\n\r\n"
                + $"--part\r\nContent-Type: text/plain; charset={sample.Charset}\r\nContent-Transfer-Encoding: {(eightBitBody ? "8bit" : "base64")}\r\n\r\n"),
            .. eightBitBody ? body : Ascii(Convert.ToBase64String(body, Base64FormattingOptions.InsertLineBreaks)),
            .. Ascii($"\r\n--part\r\nContent-Type: image/jpeg\r\nContent-Disposition: attachment; {fileName}\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + $"{Convert.ToBase64String(SendGridForm.Jpeg)}\r\n--part--\r\n"),
        ];

        var form = new MultipartFormDataContent();
        Field(form, "email", mime);
        Field(form, "to", Ascii(SendGridForm.Inbox));
        Field(form, "envelope", Ascii($"{{\"to\":[\"{SendGridForm.Inbox}\"],\"from\":\"{address}\"}}"));
        Field(form, "charsets", Ascii("{\"to\":\"UTF-8\",\"from\":\"UTF-8\"}"));
        Field(form, "SPF", Ascii("pass"));
        Field(form, "dkim", Ascii("{@example.cn : pass}"));
        return form;
    }

    /// <summary>Parsed mode: from, subject and text as the charset's bytes, named in <c>charsets</c>; the file name as an encoded word in attachment-info.</summary>
    public static MultipartFormDataContent Parsed(CharsetSample sample, string address, string messageId)
    {
        var charset = Encoding.GetEncoding(sample.Charset);
        var form = new MultipartFormDataContent();
        Field(form, "headers", Ascii(
            $"MIME-Version: 1.0\nFrom: {Word(sample.Charset, sample.Name)} <{address}>\nDate: Mon, 23 Nov 2026 10:00:00 +0800\nMessage-ID: <{messageId}>\n"
            + $"Subject: {Word(sample.Charset, sample.Subject)}\nTo: {SendGridForm.Inbox}\n"));
        Field(form, "from", charset.GetBytes($"{sample.Name} <{address}>"));
        Field(form, "to", Ascii(SendGridForm.Inbox));
        Field(form, "subject", charset.GetBytes(sample.Subject));
        Field(form, "text", charset.GetBytes(sample.Body));
        Field(form, "envelope", Ascii($"{{\"to\":[\"{SendGridForm.Inbox}\"],\"from\":\"{address}\"}}"));
        Field(form, "charsets", Ascii($"{{\"to\":\"UTF-8\",\"from\":\"{sample.Charset}\",\"subject\":\"{sample.Charset}\",\"text\":\"{sample.Charset}\"}}"));
        Field(form, "SPF", Ascii("pass"));
        Field(form, "dkim", Ascii("{@example.cn : pass}"));
        Field(form, "attachments", Ascii("1"));
        var word = Word(sample.Charset, sample.FileName);
        Field(form, "attachment-info", Ascii($"{{\"attachment1\":{{\"filename\":\"{word}\",\"name\":\"{word}\",\"type\":\"image/jpeg\"}}}}"));
        var file = new ByteArrayContent(SendGridForm.Jpeg);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("image/jpeg");
        form.Add(file, "attachment1", word);
        return form;
    }

    /// <summary>An RFC 2047 encoded word: <c>=?charset?B?base64?=</c>.</summary>
    public static string Word(string charset, string text) => $"=?{charset}?B?{Convert.ToBase64String(Encoding.GetEncoding(charset).GetBytes(text))}?=";

    // RFC 2231 percent-encodes the charset's bytes; letters, digits and '.' stay as they are.
    private static string Percent(byte[] bytes) =>
        string.Concat(bytes.Select(b => char.IsAsciiLetterOrDigit((char)b) || b == '.' ? ((char)b).ToString() : "%" + b.ToString("X2", CultureInfo.InvariantCulture)));

    private static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);

    private static void Field(MultipartFormDataContent form, string name, byte[] value) => form.Add(new ByteArrayContent(value), name);
}
