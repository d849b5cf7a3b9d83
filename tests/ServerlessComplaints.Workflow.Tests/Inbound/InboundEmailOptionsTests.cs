using ServerlessComplaints.Workflow.Inbound;
using ServerlessComplaints.Workflow.Setup;

namespace ServerlessComplaints.Workflow.Tests.Inbound;

public class InboundEmailOptionsTests
{
    [Theory]
    [InlineData("", "complaints@example.cn", true)]
    [InlineData("0123456789abcdef", "complaints@example.cn", true)]
    [InlineData("too-short", "complaints@example.cn", false)]
    [InlineData("0123456789abcdef", "complaints+x@example.cn", false)]
    [InlineData("0123456789abcdef", "not an address", false)]
    public void Validate_SecretAndReplyAddress_ReportProblems(string secret, string replyAddress, bool valid)
    {
        var settings = new ComplaintCentreSettings { InboundEmail = new InboundEmailOptions { Secret = secret, ReplyAddress = replyAddress } };

        Assert.Equal(valid, settings.Validate().Count == 0);
    }

    [Fact]
    public void ReplyAddressFor_TrackingNumber_PlusAddresses()
    {
        Assert.Equal("complaints+CMP-20261123-7K3Q9Z@example.cn", new InboundEmailOptions().ReplyAddressFor("CMP-20261123-7K3Q9Z"));
    }
}
