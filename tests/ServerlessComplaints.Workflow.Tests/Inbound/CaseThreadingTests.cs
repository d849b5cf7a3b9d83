using ServerlessComplaints.Workflow.Inbound;

namespace ServerlessComplaints.Workflow.Tests.Inbound;

public class CaseThreadingTests
{
    [Theory]
    [InlineData("Re: 您的投诉已受理：CMP-20261123-7K3Q9Z", "CMP-20261123-7K3Q9Z")]
    [InlineData("RE: [CMP-20261123-7K3Q9Z] more photos", "CMP-20261123-7K3Q9Z")]
    [InlineData("re: cmp-20261123-7k3q9z", "CMP-20261123-7K3Q9Z")]
    [InlineData("Re: CMP-20261345-7K3Q9Z", null)]
    [InlineData("Re: XCMP-20261123-7K3Q9Z", null)]
    [InlineData("电饭煲无法加热", null)]
    public void TrackingNumberOf_Subject_FindsValidNumbersOnly(string subject, string? expected)
    {
        var message = new InboundMessage { MessageId = "m", FromAddress = "a@example.cn", Subject = subject };

        Assert.Equal(expected, CaseThreading.TrackingNumberOf(message));
    }

    [Fact]
    public void TrackingNumberOf_PlusAddressedRecipient_WinsOverTheSubject()
    {
        var message = new InboundMessage
        {
            MessageId = "m",
            FromAddress = "a@example.cn",
            Subject = "Re: CMP-20261123-AAAAAA",
            Recipients = ["someone@example.cn", "complaints+cmp-20261124-7k3q9z@example.cn"],
        };

        Assert.Equal("CMP-20261124-7K3Q9Z", CaseThreading.TrackingNumberOf(message));
    }
}
