using ServerlessComplaints.Workflow.Inbound;

namespace ServerlessComplaints.Workflow.Tests.Inbound;

public class QuotedHistoryTests
{
    [Theory]
    [InlineData("补充照片见附件。\n\n在 2026年11月23日 10:00，客户投诉中心 <complaints@example.cn> 写道：\n> 您的投诉已受理")]
    [InlineData("补充照片见附件。\n-----Original Message-----\nFrom: complaints@example.cn\n您的投诉已受理")]
    [InlineData("补充照片见附件。\nOn Mon, 23 Nov 2026 at 10:00, Complaint Centre <complaints@example.cn> wrote:\n> ack")]
    [InlineData("> 您的投诉已受理\n补充照片见附件。\n>> 更早的邮件")]
    public void Trim_QuotedHistory_KeepsOnlyTheNewText(string text)
    {
        Assert.Equal("补充照片见附件。", QuotedHistory.Trim(text));
    }
}
