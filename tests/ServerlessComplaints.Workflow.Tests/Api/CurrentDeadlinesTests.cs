using Microsoft.Extensions.DependencyInjection;
using ServerlessComplaints.Workflow.Api;
using ServerlessComplaints.Workflow.Cases;
using ServerlessComplaints.Workflow.Domain;
using ServerlessComplaints.Workflow.Lifecycle;
using ServerlessComplaints.Workflow.Setup;

namespace ServerlessComplaints.Workflow.Tests.Api;

/// <summary>The one deadline the status page shows: the clock of the stage the case is in, none once it is closed.</summary>
public class CurrentDeadlinesTests
{
    private static readonly DateTime Received = new(2026, 11, 23, 2, 0, 0, DateTimeKind.Utc); // Monday 10:00 in Shanghai
    private static readonly DateTime Due = new(2026, 11, 26, 16, 0, 0, DateTimeKind.Utc);

    private static readonly ComplaintRecord Record = new(new ComplaintDetails("CMP-20261123-ABCDEF", ComplaintKind.Complaint, Category.ProductQuality, Channel.Web,
        "s", "d", new Customer("王芳", "wang.fang@example.cn", null), CaseLanguage.Chinese, Received)) { DueAtUtc = Due };

    private static CurrentDeadlines Deadlines()
    {
        var services = new ServiceCollection().AddComplaintWorkflow(new ComplaintCentreSettings()).AddInMemoryCaseStores().BuildServiceProvider();
        return services.GetRequiredService<CurrentDeadlines>();
    }

    private static TimelineEntry At(string code, DateTime at) => new(Record.TrackingNumber, code + at.Ticks, at, "system", code, null, true);

    [Theory]
    [InlineData(CaseStage.Intake)]
    [InlineData(CaseStage.Investigation)]
    [InlineData(CaseStage.Approval)]
    public void BeforeAnOffer_TheCentresResponseDeadline(CaseStage stage)
    {
        Assert.Equal(new CurrentDeadline(DeadlineClock.Response, Due), Deadlines().For(stage, Record, []));
    }

    [Fact]
    public void OfferSentAndUnanswered_TheCustomersAnswerWindow_AfterADeclineTheResponseDeadlineAgain()
    {
        var sent = Received.AddDays(1);
        var offered = Deadlines().For(CaseStage.Resolution, Record, [At(TimelineCodes.OfferSent, sent)]);
        var declined = Deadlines().For(CaseStage.Resolution, Record, [At(TimelineCodes.OfferSent, sent), At(TimelineCodes.OfferDeclined, sent.AddHours(2))]);

        Assert.Equal(new CurrentDeadline(DeadlineClock.OfferAnswer, sent + new WorkflowSettings().OfferResponseWindow), offered);
        Assert.Equal(DeadlineClock.Response, declined?.Clock);
    }

    [Fact]
    public void Execution_ThreeWorkingDaysFromTheRequest_SkippingTheWeekend()
    {
        var requested = new DateTime(2026, 11, 27, 2, 0, 0, DateTimeKind.Utc); // Friday 10:00 in Shanghai

        var deadline = Deadlines().For(CaseStage.Execution, Record, [At(TimelineCodes.ExecutionRequested, requested)]);

        Assert.Equal(DeadlineClock.Execution, deadline?.Clock);
        Assert.True(deadline!.DueAtUtc >= requested.AddDays(5), $"{deadline.DueAtUtc:O} should be after the weekend");
    }

    [Fact]
    public void FollowUp_WhenTheSurveyComes_ThenItsWindow()
    {
        var executed = Received.AddDays(2);
        var settings = new WorkflowSettings();

        var waiting = Deadlines().For(CaseStage.FollowUp, Record, [At(TimelineCodes.Executed, executed)]);
        var surveying = Deadlines().For(CaseStage.FollowUp, Record, [At(TimelineCodes.Executed, executed), At(TimelineCodes.SurveySent, executed + settings.FollowUpDelay)]);

        Assert.Equal(new CurrentDeadline(DeadlineClock.FollowUp, executed + settings.FollowUpDelay), waiting);
        Assert.Equal(new CurrentDeadline(DeadlineClock.Survey, executed + settings.FollowUpDelay + settings.SurveyWindow), surveying);
    }

    [Theory]
    [InlineData(CaseStage.Closed)]
    [InlineData(CaseStage.Archived)]
    [InlineData(CaseStage.Investigation)]
    public void Closed_NoDeadline(CaseStage stage)
    {
        var closed = Record with { Outcome = CaseOutcome.Resolved, ClosedAtUtc = Received.AddDays(9) };

        Assert.Null(Deadlines().For(stage, closed, [At(TimelineCodes.SurveySent, Received)]));
    }
}
