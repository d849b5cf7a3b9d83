using ServerlessComplaints.Workflow.Domain;
using ServerlessComplaints.Workflow.Intake;
using ServerlessComplaints.Workflow.Security;
using static ServerlessComplaints.Workflow.Tests.Intake.IntakeSamples;

namespace ServerlessComplaints.Workflow.Tests.Intake;

public sealed class IdempotencyKeysTests
{
    private static readonly IdempotencyKeys Keys = new(new SecurityOptions { StatusLinkKey = new string('s', 32) });

    private static readonly (string, string, string)[] Photo = [("photo.png", "image/png", new string('a', 64))];

    private static ComplaintDetails Details(ComplaintSubmission? submission = null, string trackingNumber = SampleTrackingNumber, DateTime? receivedAt = null) =>
        Validator.Validate(submission ?? Chinese(), new IntakeContext(Channel.Web, trackingNumber, receivedAt ?? ReceivedAtUtc)).Details!;

    [Fact]
    public void KeyFor_SameKeyInAnotherScope_Differs()
    {
        var inbound = Keys.KeyFor(IdempotencyKeys.InboundEmailScope, "abc");

        Assert.NotEqual(inbound, Keys.KeyFor(IdempotencyKeys.PublicScope, "abc"));
        Assert.NotEqual(inbound, Keys.KeyFor(IdempotencyKeys.PublicScope, "inbound-email:abc"));
        Assert.NotEqual(Keys.KeyFor(IdempotencyKeys.StaffScope("zhang.wei"), "abc"), Keys.KeyFor(IdempotencyKeys.StaffScope("li.na"), "abc"));
    }

    [Fact]
    public void KeyFor_AnotherServerSecret_Differs()
    {
        var other = new IdempotencyKeys(new SecurityOptions { StatusLinkKey = new string('t', 32) });

        Assert.NotEqual(Keys.KeyFor(IdempotencyKeys.InboundEmailScope, "abc"), other.KeyFor(IdempotencyKeys.InboundEmailScope, "abc"));
    }

    [Fact]
    public void KeyFor_AnyKey_HexMacWithoutTheClientText()
    {
        var key = Keys.KeyFor(IdempotencyKeys.PublicScope, "wang.fang@example.cn");

        Assert.Equal(64, key.Length);
        Assert.DoesNotContain("wang", key, StringComparison.Ordinal);
        Assert.True(key.All(Uri.IsHexDigit));
    }

    [Fact]
    public void RequestHash_SameCaseOtherTrackingNumberTimeAndSpacing_Same()
    {
        var padded = Chinese() with { Subject = "  电饭煲使用两天后无法加热 " };

        var first = Keys.RequestHash(Details(), Photo);
        var again = Keys.RequestHash(Details(padded, "CMP-20261121-ZZZZZZ", ReceivedAtUtc.AddSeconds(3)), Photo);

        Assert.Equal(first, again);
    }

    [Theory]
    [InlineData("subject", "另一个问题")]
    [InlineData("customer.email", "someone.else@example.cn")]
    [InlineData("orderReference", "SO-1")]
    public void RequestHash_OneFieldChanged_Differs(string field, string value)
    {
        Assert.NotEqual(Keys.RequestHash(Details(), Photo), Keys.RequestHash(Details(With(field, value)), Photo));
    }

    [Fact]
    public void RequestHash_OtherFileContentOrNoFile_Differs()
    {
        var hash = Keys.RequestHash(Details(), Photo);

        Assert.NotEqual(hash, Keys.RequestHash(Details(), [("photo.png", "image/png", new string('b', 64))]));
        Assert.NotEqual(hash, Keys.RequestHash(Details(), []));
    }
}
