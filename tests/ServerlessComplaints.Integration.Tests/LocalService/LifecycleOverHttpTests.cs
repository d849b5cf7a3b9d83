using System.Net;
using ServerlessComplaints.Workflow.Lifecycle;

namespace ServerlessComplaints.Integration.Tests.LocalService;

[Collection(LocalServiceCollection.Name)]
public class LifecycleOverHttpTests(LocalServiceFixture fixture)
{
    private const string Owner = "zhang.wei";

    [Fact]
    public async Task Complaint_FromFormToArchive_MailsAndStaffActionsOverHttp()
    {
        var client = new CaseClient(fixture);

        var submitted = await client.SubmitAsync(CaseClient.Submission("complaint"));
        Assert.Equal(HttpStatusCode.Accepted, submitted.StatusCode);
        Assert.Equal($"/api/complaints/{client.TrackingNumber}", submitted.Headers.Location!.OriginalString);
        var ack = await fixture.WaitForMailAsync(client.TrackingNumber, "acknowledgement", CaseClient.CustomerEmail);
        Assert.Contains(client.StatusUrl, ack.Text, StringComparison.Ordinal);
        await fixture.WaitForMailAsync(client.TrackingNumber, "assignment", "zhang.wei@example.cn");
        Assert.Equal(CaseStage.Investigation, (await client.WaitForStageAsync(CaseStage.Investigation)).Stage);

        await client.ActAcceptedAsync(Owner, "findings", new { rootCause = "加热盘缺陷", responsibleParty = "company", facts = "同批次问题", remedy = new { type = "exchange", amount = 0, description = "更换新机" } });
        var offer = await fixture.WaitForMailAsync(client.TrackingNumber, "offer", CaseClient.CustomerEmail);
        await client.ActAcceptedAsync(Owner, "customer-response", new { accepted = true, comment = "电话确认接受" });
        await fixture.WaitForMailAsync(client.TrackingNumber, "executionrequest", "zhang.wei@example.cn");
        await client.ActAcceptedAsync(Owner, "execute", new { reference = "EX-88231" });
        var notice = await fixture.WaitForMailAsync(client.TrackingNumber, "executionnotice", CaseClient.CustomerEmail);
        await fixture.WaitForMailAsync(client.TrackingNumber, "survey", CaseClient.CustomerEmail);
        await client.WaitForStageAsync(CaseStage.FollowUp);
        await client.ActAcceptedAsync(Owner, "survey", new { rating = 5, comment = "满意" });
        var final = await client.WaitForStageAsync(CaseStage.Archived);

        Assert.Contains("更换新机", offer.Text, StringComparison.Ordinal);
        Assert.Contains("EX-88231", notice.Text, StringComparison.Ordinal);
        Assert.Equal(CaseOutcome.Resolved, final.Outcome);
        Assert.Equal(
            ["received", "offer-sent", "offer-accepted", "executed", "survey-sent", "survey-answered", "closed", "archived"],
            final.Timeline.Select(e => e.Action));
        Assert.DoesNotContain(final.Timeline, e => e.Action is "findings" or "assessed");
        Assert.Contains(final.Timeline, e => e.Action == "executed" && e.Parameters?["reference"] == "EX-88231");
        Assert.DoesNotContain(final.Timeline, e => e.Actor == Owner);
        await fixture.WaitForMailAsync(client.TrackingNumber, "closure", CaseClient.CustomerEmail);
    }

    [Fact]
    public async Task Inquiry_AnsweredThroughStaffApi_AnswerMailedThenClosedAfterSurvey()
    {
        var client = new CaseClient(fixture);
        await client.SubmitAsync(CaseClient.Submission("inquiry", "delivery"));
        await client.WaitForStageAsync(CaseStage.Investigation);

        await client.ActAcceptedAsync("zhao.min", "answer", new { answer = "您的订单已发货，预计周三送达。" });
        var answer = await fixture.WaitForMailAsync(client.TrackingNumber, "inquiryanswer", CaseClient.CustomerEmail);
        // The survey is expected once it has been sent (before that a staff answer is a 409).
        await fixture.WaitForMailAsync(client.TrackingNumber, "survey", CaseClient.CustomerEmail);
        await client.ActAcceptedAsync("zhao.min", "survey", new { rating = 4 });
        var final = await client.WaitForStageAsync(CaseStage.Archived);

        Assert.Equal("您的订单已发货，预计周三送达。", answer.Text);
        Assert.Equal(CaseOutcome.Resolved, final.Outcome);
    }

    [Fact]
    public async Task Suggestion_ReviewedThroughStaffApi_ReplyMailedAndClosed()
    {
        var client = new CaseClient(fixture);
        await client.SubmitAsync(CaseClient.Submission("suggestion", "facilities"));
        await client.WaitForStageAsync(CaseStage.Investigation);

        await client.ActAcceptedAsync("ma.chao", "review", new { adopted = true, reply = "感谢建议，下月起增设母婴室。" });
        var reply = await fixture.WaitForMailAsync(client.TrackingNumber, "suggestionreply", CaseClient.CustomerEmail);
        var final = await client.WaitForStageAsync(CaseStage.Archived);

        Assert.Equal("感谢建议，下月起增设母婴室。", reply.Text);
        Assert.Equal(CaseOutcome.Reviewed, final.Outcome);
    }

    [Fact]
    public async Task Complaint_ApprovalAboveOwnerAuthority_SupervisorApprovesOverHttp()
    {
        var client = new CaseClient(fixture);
        await client.SubmitAsync(CaseClient.Submission("complaint"));
        await client.WaitForStageAsync(CaseStage.Investigation);

        await client.ActAcceptedAsync(Owner, "findings", new { rootCause = "rc", responsibleParty = "company", facts = "f", remedy = new { type = "refund", amount = 599, description = "退款599元" } });
        await client.WaitForStageAsync(CaseStage.Approval);
        var ownerTriesToApprove = await client.ActAsync(Owner, "approve", new { });
        await fixture.WaitForMailAsync(client.TrackingNumber, "approvalrequest", "wang.lei@example.cn");
        await client.ActAcceptedAsync("wang.lei", "approve", new { comment = "同意" });
        var offer = await fixture.WaitForMailAsync(client.TrackingNumber, "offer", CaseClient.CustomerEmail);

        Assert.Equal(HttpStatusCode.Forbidden, ownerTriesToApprove.StatusCode);
        Assert.Contains("599.00", offer.Text, StringComparison.Ordinal);
    }
}
