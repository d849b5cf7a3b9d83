using ServerlessComplaints.Workflow.Lifecycle;
using ServerlessComplaints.Workflow.Lifecycle.Events;
using ServerlessComplaints.Workflow.Notifications;
using ServerlessComplaints.Workflow.Orchestration;

namespace ServerlessComplaints.Workflow.Tests.Lifecycle;

public class InquiryAndSuggestionTests
{
    private static readonly DateTimeOffset Monday = ComplaintHappyPathTests.Monday;

    [Fact]
    public async Task Inquiry_AnsweredWithin24Hours_AnswerMailedThenSurveyThenClosed()
    {
        var harness = CaseHarness.Create(Monday);
        await harness.SubmitAsync(CaseHarness.Submission(kind: "inquiry", category: "delivery"));
        var status = await harness.StatusAsync();

        await harness.AdvanceAsync(TimeSpan.FromHours(6));
        await harness.RaiseAsync(WorkflowEvents.Answer, new InquiryAnswered("zhao.min", "您的订单已于今天发货，预计周三送达。"));
        await harness.AdvanceAsync(TimeSpan.FromDays(3));
        await harness.RaiseAsync(WorkflowEvents.Survey, new SurveyAnswered(4));

        Assert.Equal(Monday.UtcDateTime.AddHours(24), status.DueAtUtc);
        Assert.Equal("zhao.min", status.Owner);
        var answer = Assert.Single(harness.Mails(NotificationKind.InquiryAnswer, CaseHarness.CustomerEmail));
        Assert.Equal("您的订单已于今天发货，预计周三送达。", answer.TextBody);
        Assert.Empty(harness.Mails(NotificationKind.Reminder));
        Assert.Empty(harness.Mails(NotificationKind.Offer));
        Assert.Equal(CaseOutcome.Resolved, (await harness.OutcomeAsync())!.Outcome);
        Assert.Equal("您的订单已于今天发货，预计周三送达。", (await harness.RecordAsync()).Reply);
    }

    [Fact]
    public async Task Inquiry_Unanswered_RemindersAt12And19HoursEscalationAt24()
    {
        var harness = CaseHarness.Create(Monday);
        await harness.SubmitAsync(CaseHarness.Submission(kind: "inquiry", category: "delivery"));

        await harness.AdvanceAsync(TimeSpan.FromHours(12));
        var at12 = harness.Mails(NotificationKind.Reminder).Count;
        await harness.AdvanceAsync(TimeSpan.FromHours(7.2));
        var at19 = harness.Mails(NotificationKind.Reminder).Count;
        await harness.AdvanceAsync(TimeSpan.FromHours(4.8));

        Assert.Equal(1, at12);
        Assert.Equal(2, at19);
        Assert.Single(harness.Mails(NotificationKind.Escalation, Staff.Email("zhou.jie")));
        Assert.Equal(1, (await harness.StatusAsync()).EscalationLevel);
    }

    [Fact]
    public async Task Suggestion_Reviewed_ReplyMailedAndClosedWithoutSurvey()
    {
        var harness = CaseHarness.Create(Monday);
        await harness.SubmitAsync(CaseHarness.Submission(kind: "suggestion", category: "facilities"));
        var status = await harness.StatusAsync();

        await harness.RaiseAsync(WorkflowEvents.Review, new SuggestionReviewed("ma.chao", true, "感谢建议，下月起增设母婴室。"));

        // Five working days after Monday 23 Nov: Tue 24 … Mon 30, so due Tuesday 1 Dec 00:00 Shanghai.
        Assert.Equal(new DateTime(2026, 11, 30, 16, 0, 0, DateTimeKind.Utc), status.DueAtUtc);
        Assert.Single(harness.Mails(NotificationKind.SuggestionReply, CaseHarness.CustomerEmail));
        Assert.Empty(harness.Mails(NotificationKind.Survey));
        Assert.Equal(WorkflowRuntimeStatus.Completed, (await harness.InstanceAsync()).RuntimeStatus);
        Assert.Equal(CaseOutcome.Reviewed, (await harness.OutcomeAsync())!.Outcome);
        Assert.Contains("suggestion-adopted", await harness.TimelineActionsAsync());
    }
}
