using ServerlessComplaints.Workflow.Domain;
using ServerlessComplaints.Workflow.Lifecycle;
using ServerlessComplaints.Workflow.Lifecycle.Events;
using ServerlessComplaints.Workflow.Notifications;
using ServerlessComplaints.Workflow.Orchestration;

namespace ServerlessComplaints.Workflow.Tests.Lifecycle;

public class FollowUpTests
{
    private static readonly DateTimeOffset Monday = ComplaintHappyPathTests.Monday;

    private static async Task ResolveAsync(CaseHarness harness, string reference)
    {
        await harness.RaiseAsync(WorkflowEvents.Findings, new FindingsSubmitted(Staff.Owner, "defect", ResponsibleParty.Company, "f", new Remedy(RemedyType.Repair, null, "免费维修")));
        await harness.RaiseAsync(WorkflowEvents.CustomerResponse, new OfferResponse(true));
        await harness.RaiseAsync(WorkflowEvents.Execution, new ExecutionConfirmed(Staff.Owner, reference));
        await harness.AdvanceAsync(TimeSpan.FromDays(3));
    }

    [Fact]
    public async Task DissatisfiedSurvey_ReopensOnceWithRaisedUrgency_SecondTimeClosesDissatisfied()
    {
        var harness = CaseHarness.Create(Monday);
        await harness.SubmitAsync();
        await ResolveAsync(harness, "R-1");

        var reopenedAt = harness.Now;
        await harness.RaiseAsync(WorkflowEvents.Survey, new SurveyAnswered(2, "还是坏的"));
        var afterFirst = await harness.StatusAsync();
        var reopenedRecord = await harness.RecordAsync();
        var reopenedMail = Assert.Single(harness.Mails(NotificationKind.Reopened, Staff.Email(Staff.Owner)));
        await ResolveAsync(harness, "R-2");
        var secondSurveys = harness.Mails(NotificationKind.Survey).Count;
        await harness.RaiseAsync(WorkflowEvents.Survey, new SurveyAnswered(1, "非常不满意"));

        Assert.Equal(CaseStage.Investigation, afterFirst.Stage);
        Assert.Equal(Urgency.Urgent, reopenedRecord.Urgency);
        Assert.Equal(1, reopenedRecord.ReopenCount);
        Assert.True(afterFirst.DueAtUtc > reopenedAt.AddDays(1), "a reopened case gets a fresh SLA from the reopen");
        Assert.Contains("2", reopenedMail.TextBody, StringComparison.Ordinal);
        Assert.Equal(2, secondSurveys);
        Assert.Equal(WorkflowRuntimeStatus.Completed, (await harness.InstanceAsync()).RuntimeStatus);
        var outcome = await harness.OutcomeAsync();
        Assert.Equal(CaseOutcome.Dissatisfied, outcome!.Outcome);
        Assert.Equal(1, outcome.Reopens);
        Assert.Equal("R-2", (await harness.RecordAsync()).ExecutionReference);
        Assert.Single(await harness.TimelineActionsAsync(), a => a == "reopened");
    }

    [Fact]
    public async Task SurveyUnanswered_ClosedAsNoReplyAfterItsWindow()
    {
        var harness = CaseHarness.Create(Monday);
        await harness.SubmitAsync();
        await ResolveAsync(harness, "R-1");
        var surveyedAt = harness.Now;

        await harness.AdvanceToAsync(surveyedAt.AddDays(7).AddSeconds(-1));
        var before = (await harness.InstanceAsync()).RuntimeStatus;
        await harness.AdvanceToAsync(surveyedAt.AddDays(7));

        Assert.Equal(WorkflowRuntimeStatus.Running, before);
        var outcome = await harness.OutcomeAsync();
        Assert.Equal(CaseOutcome.NoReply, outcome!.Outcome);
        Assert.Equal(surveyedAt.AddDays(7), outcome.ClosedAtUtc);
        Assert.Contains("survey-no-reply", await harness.TimelineActionsAsync());
    }

    [Fact]
    public async Task SurveyAnsweredAfterNoReply_IsIgnored()
    {
        var harness = CaseHarness.Create(Monday);
        await harness.SubmitAsync();
        await ResolveAsync(harness, "R-1");
        await harness.AdvanceAsync(TimeSpan.FromDays(8));

        await harness.RaiseAsync(WorkflowEvents.Survey, new SurveyAnswered(1));

        Assert.Equal(CaseOutcome.NoReply, (await harness.OutcomeAsync())!.Outcome);
        Assert.Null((await harness.RecordAsync()).SurveyRating);
    }

    [Fact]
    public async Task SatisfiedSurvey_ClosesResolvedWithoutReopen()
    {
        var harness = CaseHarness.Create(Monday);
        await harness.SubmitAsync();
        await ResolveAsync(harness, "R-1");

        await harness.RaiseAsync(WorkflowEvents.Survey, new SurveyAnswered(3));

        Assert.Equal(CaseOutcome.Resolved, (await harness.OutcomeAsync())!.Outcome);
        Assert.Empty(harness.Mails(NotificationKind.Reopened));
    }
}
