using ServerlessComplaints.Workflow.Inbound;

namespace ServerlessComplaints.Workflow.Tests.Inbound;

public class SenderAuthenticationTests
{
    private static InboundMessage Message(string from, string? spf, string? dkim, string? envelopeFrom) =>
        new() { MessageId = "m@example.cn", FromAddress = from, Spf = spf, Dkim = dkim, EnvelopeFrom = envelopeFrom };

    [Theory]
    [InlineData("wang@example.cn", "none", "{@example.cn : pass}", null)]
    [InlineData("wang@example.cn", "fail", "{@evil.example : pass, @example.cn : pass}", null)]
    [InlineData("wang@example.cn", "none", "{@mail.example.cn : pass}", null)]
    [InlineData("wang@shop.example.cn", "none", "{@example.cn : pass}", null)]
    [InlineData("wang@example.cn", "pass", null, "bounce@example.cn")]
    [InlineData("wang@example.cn", "Pass", null, "bounce@mta.example.cn")]
    public void IsVerified_AlignedPass_True(string from, string? spf, string? dkim, string? envelopeFrom)
    {
        Assert.True(SenderAuthentication.IsVerified(Message(from, spf, dkim, envelopeFrom)));
    }

    [Theory]
    [InlineData("wang@example.cn", "pass", null, "attacker@evil.example")]
    [InlineData("wang@example.cn", "pass", "{@evil.example : pass}", "attacker@evil.example")]
    [InlineData("wang@example.cn", "none", "{@cn : pass}", null)]
    [InlineData("wang@example.cn", "none", "{@notexample.cn : pass}", null)]
    [InlineData("wang@example.cn", "fail", "{@example.cn : fail}", "wang@example.cn")]
    [InlineData("wang@example.cn", null, null, null)]
    [InlineData("not-an-address", "pass", "{@example.cn : pass}", "x@example.cn")]
    public void IsVerified_NoAlignedPass_False(string from, string? spf, string? dkim, string? envelopeFrom)
    {
        Assert.False(SenderAuthentication.IsVerified(Message(from, spf, dkim, envelopeFrom)));
    }

    [Fact]
    public void Unverified_FailedChecks_NamesThem()
    {
        var reason = SenderAuthentication.Unverified(Message("wang@example.cn", "softfail", "{@example.cn : fail (body hash did not verify)}", null));

        Assert.Equal("SPF: softfail; DKIM: {@example.cn : fail (body hash did not verify)}", reason);
    }

    [Fact]
    public void Unverified_NoChecksAtAll_SaysSo()
    {
        Assert.Equal("no SPF or DKIM pass for example.cn", SenderAuthentication.Unverified(Message("wang@example.cn", null, null, null)));
    }
}
