using ServerlessComplaints.Workflow.Inbound;

namespace ServerlessComplaints.Workflow.Tests.Inbound;

public class AutomaticMailTests
{
    [Theory]
    [InlineData("Auto-Submitted", "auto-replied")]
    [InlineData("Auto-Submitted", "auto-generated")]
    [InlineData("X-Autoreply", "yes")]
    [InlineData("X-Autorespond", "Out of office")]
    [InlineData("Precedence", "bulk")]
    [InlineData("Precedence", "junk")]
    [InlineData("Precedence", "auto_reply")]
    [InlineData("X-Failed-Recipients", "someone@example.cn")]
    [InlineData("Content-Type", "multipart/report; report-type=delivery-status")]
    public void Reason_AutomaticHeader_NamesIt(string header, string value)
    {
        var message = Message(headers: new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { [header] = value });

        Assert.NotNull(AutomaticMail.Reason(message));
    }

    [Theory]
    [InlineData("MAILER-DAEMON@mx.example.cn")]
    [InlineData("postmaster@example.cn")]
    [InlineData("noreply@shop.example.cn")]
    [InlineData("no-reply@shop.example.cn")]
    public void Reason_AutomaticSender_NamesIt(string from)
    {
        Assert.NotNull(AutomaticMail.Reason(Message(from: from)));
    }

    [Fact]
    public void Reason_NullEnvelopeSender_IsABounce()
    {
        Assert.Contains("bounce", AutomaticMail.Reason(Message(envelopeFrom: "")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Auto-Submitted", "auto-replied", AutomaticMail.AutoSubmitted)]
    [InlineData("X-Autoresponder", "1", AutomaticMail.AutoreplyHeader)]
    [InlineData("Precedence", "list", AutomaticMail.Bulk)]
    [InlineData("X-Failed-Recipients", "someone@example.cn", AutomaticMail.DeliveryReport)]
    public void Sign_AutomaticHeader_ItsCodeForTheTimeline(string header, string value, string code)
    {
        var sign = AutomaticMail.Sign(Message(headers: new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { [header] = value }));

        Assert.Equal(code, sign?.Code);
    }

    [Fact]
    public void Sign_BounceAndAutomaticSender_TheirCodes()
    {
        Assert.Equal(AutomaticMail.NullSender, AutomaticMail.Sign(Message(envelopeFrom: ""))?.Code);
        Assert.Equal(AutomaticMail.AutomaticSender, AutomaticMail.Sign(Message(from: "noreply@shop.example.cn"))?.Code);
    }

    [Fact]
    public void Reason_PersonWithAutoSubmittedNo_IsNull()
    {
        var message = Message(headers: new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Auto-Submitted"] = "no", ["Content-Type"] = "multipart/mixed" });

        Assert.Null(AutomaticMail.Reason(message));
    }

    private static InboundMessage Message(string from = "wang.fang@example.cn", string? envelopeFrom = "wang.fang@example.cn", Dictionary<string, string>? headers = null) => new()
    {
        MessageId = "m1@example.cn",
        FromAddress = from,
        EnvelopeFrom = envelopeFrom,
        Headers = headers ?? new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase),
    };
}
