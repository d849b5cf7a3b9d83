using ServerlessComplaints.Workflow.Domain;
using ServerlessComplaints.Workflow.Lifecycle;
using ServerlessComplaints.Workflow.Lifecycle.Events;
using ServerlessComplaints.Workflow.Notifications;
using ServerlessComplaints.Workflow.Orchestration;

namespace ServerlessComplaints.Workflow.Tests.Lifecycle;

public class ComplaintHappyPathTests
{
    // Monday 2026-11-23 10:00 in Shanghai.
    internal static readonly DateTimeOffset Monday = new(2026, 11, 23, 2, 0, 0, TimeSpan.Zero);

    // Three working days after Monday: end of Thursday, Friday 00:00 in Shanghai.
    internal static readonly DateTime ComplaintDue = new(2026, 11, 26, 16, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task Submit_Complaint_AcknowledgesAssignsAndWaitsForFindings()
    {
        var harness = CaseHarness.Create(Monday);

        var tn = await harness.SubmitAsync();

        var status = await harness.StatusAsync();
        Assert.Equal(CaseStage.Investigation, status.Stage);
        Assert.Equal(ComplaintDue, status.DueAtUtc);
        Assert.Equal(Staff.Owner, status.Owner);
        var ack = Assert.Single(harness.Mails(NotificationKind.Acknowledgement, CaseHarness.CustomerEmail));
        Assert.Contains(tn, ack.Subject, StringComparison.Ordinal);
        Assert.Contains("11月26日 24:00 前 (UTC+8)", ack.TextBody, StringComparison.Ordinal);
        Assert.Contains($"/status/{tn}", ack.TextBody, StringComparison.Ordinal);
        Assert.Single(harness.Mails(NotificationKind.Assignment, Staff.Email(Staff.Owner)));
        var record = await harness.RecordAsync();
        Assert.Equal("quality", record.DepartmentId);
        Assert.Equal(Urgency.Normal, record.Urgency);
    }

    [Fact]
    public async Task Complaint_HappyPath_RunsEveryStageToTheArchive()
    {
        var harness = CaseHarness.Create(Monday);
        await harness.SubmitAsync();

        await harness.AdvanceAsync(TimeSpan.FromHours(5));
        await harness.RaiseAsync(WorkflowEvents.Findings, new FindingsSubmitted(Staff.Owner, "heating element defect", ResponsibleParty.Company, "batch 2611 faulty", new Remedy(RemedyType.Exchange, null, "换一台新的电饭煲")));
        var offers = harness.Mails(NotificationKind.Offer, CaseHarness.CustomerEmail);
        await harness.RaiseAsync(WorkflowEvents.CustomerResponse, new OfferResponse(true));
        var executionRequests = harness.Mails(NotificationKind.ExecutionRequest, Staff.Email(Staff.Owner));
        await harness.RaiseAsync(WorkflowEvents.Execution, new ExecutionConfirmed(Staff.Owner, "EX-20261123-01"));
        var executedAt = harness.Now;
        await harness.AdvanceAsync(TimeSpan.FromDays(3) - TimeSpan.FromMinutes(1));
        var surveysBeforeDelay = harness.Mails(NotificationKind.Survey).Count;
        await harness.AdvanceAsync(TimeSpan.FromMinutes(1));
        var surveys = harness.Mails(NotificationKind.Survey, CaseHarness.CustomerEmail);
        await harness.RaiseAsync(WorkflowEvents.Survey, new SurveyAnswered(5, "很满意"));

        await harness.AssertHealthyAsync();
        Assert.Single(offers);
        Assert.Single(executionRequests);
        Assert.Equal(0, surveysBeforeDelay);
        Assert.Single(surveys);
        Assert.Single(harness.Mails(NotificationKind.ExecutionNotice, CaseHarness.CustomerEmail));
        Assert.Single(harness.Mails(NotificationKind.Closure, CaseHarness.CustomerEmail));
        var instance = await harness.InstanceAsync();
        Assert.Equal(WorkflowRuntimeStatus.Completed, instance.RuntimeStatus);
        var outcome = await harness.OutcomeAsync();
        Assert.Equal(CaseOutcome.Resolved, outcome!.Outcome);
        Assert.Equal(executedAt.AddDays(3), outcome.ClosedAtUtc);
        var record = await harness.RecordAsync();
        Assert.Equal(CaseStage.Archived, record.Stage);
        Assert.Equal("EX-20261123-01", record.ExecutionReference);
        Assert.Equal(5, record.SurveyRating);
        Assert.Equal(
            ["received", "assessed", "findings", "offer-sent", "offer-accepted", "execution-requested", "executed", "survey-sent", "survey-answered", "closed", "archived"],
            await harness.TimelineActionsAsync());
        Assert.Equal(CaseStage.Archived, (await harness.StatusAsync()).Stage);
    }

    [Fact]
    public async Task Archive_ClosedCase_RetainUntilIsClosedAtPlusRetention()
    {
        var harness = CaseHarness.Create(Monday, s => s.Workflow = s.Workflow with { RetentionDays = 730 });
        await harness.SubmitAsync(CaseHarness.Submission(kind: "suggestion"));

        await harness.RaiseAsync(WorkflowEvents.Review, new SuggestionReviewed(Staff.Owner, true, "谢谢，我们会增加休息座椅。"));

        var outcome = await harness.OutcomeAsync();
        var record = await harness.RecordAsync();
        Assert.Equal(Monday.UtcDateTime.AddDays(730), outcome!.RetainUntilUtc);
        Assert.Equal(outcome.RetainUntilUtc, record.RetainUntilUtc);
        Assert.Equal(outcome.ClosedAtUtc, record.ClosedAtUtc);
    }

    [Fact]
    public async Task Start_UnknownWorkflowVersion_FailsWithClearMessage()
    {
        var harness = CaseHarness.Create(Monday);
        var details = new ComplaintDetails("CMP-20261123-AAAAAA", ComplaintKind.Complaint, Category.Other, Channel.Api, "s", "d",
            new Customer("n", "n@example.cn", null), "en", Monday.UtcDateTime);

        await harness.Host.StartAsync(ComplaintWorkflow.Name, details.TrackingNumber, new ComplaintWorkflowInput(99, details, new WorkflowSettings()));

        var status = await harness.Host.Client.GetStatusAsync(details.TrackingNumber);
        Assert.Equal(WorkflowRuntimeStatus.Failed, status!.RuntimeStatus);
        Assert.Contains("version 99 is not supported", status.FailureMessage, StringComparison.Ordinal);
    }
}
