using Microsoft.Extensions.DependencyInjection;
using ServerlessComplaints.Workflow.Domain;
using ServerlessComplaints.Workflow.Lifecycle;
using ServerlessComplaints.Workflow.Lifecycle.Events;
using ServerlessComplaints.Workflow.Notifications;
using ServerlessComplaints.Workflow.Security;

namespace ServerlessComplaints.Workflow.Tests.Lifecycle;

// Workflow version 2: each wait is a round; an answer for another round is dropped, never kept for a later wait.
public class ExpectationRoundTests
{
    private static readonly DateTimeOffset Monday = ComplaintHappyPathTests.Monday;

    // A complaint whose 50-yuan coupon offer awaits the customer.
    private static Task<CaseHarness> OfferedAsync() => NegotiationTests.OfferedAsync();

    [Fact]
    public async Task NewComplaint_PublishesFindingsAndExtensionExpectations()
    {
        var harness = CaseHarness.Create(Monday);
        await harness.SubmitAsync();

        var expecting = (await harness.StatusAsync()).Expecting!;

        var findings = Assert.Single(expecting, e => e.EventName == WorkflowEvents.Findings);
        var extension = Assert.Single(expecting, e => e.EventName == WorkflowEvents.Extend);
        Assert.Equal((Staff.Owner, Staff.Manager), (findings.Assignee, extension.Assignee));
        Assert.Matches("^Findings-1-[0-9a-f]{12}$", findings.Round);
        Assert.Matches("^Extend-1-[0-9a-f]{12}$", extension.Round);
    }

    [Fact]
    public async Task OfferPostedWhileTheCustomerDecides_IsDropped_NotTakenLaterAsTheRevision()
    {
        var harness = await OfferedAsync();

        await harness.RaiseRawAsync(WorkflowEvents.Offer, new RevisedOffer(Staff.Owner, new Remedy(RemedyType.Refund, 10m, "早到的报价")) { Round = "Offer-1" });
        await harness.RaiseAsync(WorkflowEvents.CustomerResponse, new OfferResponse(false, "不够"));
        var afterDecline = await harness.StatusAsync();

        await harness.AssertHealthyAsync();
        Assert.Equal(CaseStage.Resolution, afterDecline.Stage);
        var waiting = Assert.Single(afterDecline.Expecting!, e => e.EventName == WorkflowEvents.Offer);
        Assert.StartsWith("Offer-1-", waiting.Round, StringComparison.Ordinal);
        Assert.DoesNotContain("offer-revised", await harness.TimelineActionsAsync());
        Assert.Single(harness.Mails(NotificationKind.Offer));
    }

    [Fact]
    public async Task AnswerWithoutRound_IsDropped_CaseKeepsWaiting()
    {
        var harness = CaseHarness.Create(Monday);
        await harness.SubmitAsync();

        await harness.RaiseRawAsync(WorkflowEvents.Findings, new FindingsSubmitted(Staff.Owner, "x", ResponsibleParty.Company, "f", new Remedy(RemedyType.Apology, null, "致歉")));

        Assert.Equal(CaseStage.Investigation, (await harness.StatusAsync()).Stage);
        Assert.DoesNotContain("findings", await harness.TimelineActionsAsync());
    }

    [Fact]
    public async Task SurveyAnswerBeforeTheSurvey_IsDropped_TheRealAnswerCounts()
    {
        var harness = await OfferedAsync();
        await harness.RaiseAsync(WorkflowEvents.CustomerResponse, new OfferResponse(true));

        await harness.RaiseRawAsync(WorkflowEvents.Survey, new SurveyAnswered(1, "too early") { Round = "Survey-0" });
        await harness.RaiseAsync(WorkflowEvents.Execution, new ExecutionConfirmed(Staff.Owner, "CP-1"));
        await harness.AdvanceAsync(TimeSpan.FromDays(4));
        await harness.RaiseAsync(WorkflowEvents.Survey, new SurveyAnswered(5, "好"));

        await harness.AssertHealthyAsync();
        Assert.Equal(5, (await harness.RecordAsync()).SurveyRating);
        Assert.Equal(CaseOutcome.Resolved, (await harness.OutcomeAsync())!.Outcome);
    }

    [Fact]
    public async Task MailLinks_CarryTheRoundOfTheWaitTheyAnswer()
    {
        var harness = await OfferedAsync();
        await harness.RaiseAsync(WorkflowEvents.CustomerResponse, new OfferResponse(false, "不够"));
        await harness.RaiseAsync(WorkflowEvents.Offer, new RevisedOffer(Staff.Owner, new Remedy(RemedyType.Coupon, 100m, "100元代金券")));

        var offers = harness.Mails(NotificationKind.Offer, CaseHarness.CustomerEmail);
        var revision = Assert.Single(harness.Mails(NotificationKind.RevisionRequest, Staff.Email(Staff.Owner)));

        var waiting = (await harness.StatusAsync()).Expecting!;

        Assert.Collection(offers.Select(m => RoundOf(harness, m)),
            first => Assert.StartsWith("CustomerResponse-1-", first, StringComparison.Ordinal),
            second => Assert.Equal(Assert.Single(waiting, e => e.EventName == WorkflowEvents.CustomerResponse).Round, second));
        Assert.StartsWith("Offer-1-", RoundOf(harness, revision), StringComparison.Ordinal);
        Assert.StartsWith("Findings-1-", RoundOf(harness, Assert.Single(harness.Mails(NotificationKind.Assignment))), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SupervisorProposes599_WithinOwnLimit_NoApproval()
    {
        var harness = CaseHarness.Create(Monday);
        await harness.SubmitAsync();

        await harness.RaiseAsync(WorkflowEvents.Findings, new FindingsSubmitted(Staff.Supervisor, "defect", ResponsibleParty.Company, "f", new Remedy(RemedyType.Refund, 599m, "退款")));

        Assert.Empty(harness.Mails(NotificationKind.ApprovalRequest));
        Assert.Single(harness.Mails(NotificationKind.Offer));
    }

    [Fact]
    public async Task ManagersFinalOfferAboveTheManagersLimit_GoesToTheCentreHead()
    {
        var harness = CaseHarness.Create(Monday, s => s.Authority.ManagerLimit = 5000m);
        await harness.SubmitAsync();
        await harness.RaiseAsync(WorkflowEvents.Findings, new FindingsSubmitted(Staff.Owner, "defect", ResponsibleParty.Company, "f", new Remedy(RemedyType.Coupon, 50m, "50元代金券")));
        for (var round = 1; round <= 2; round++)
        {
            await harness.RaiseAsync(WorkflowEvents.CustomerResponse, new OfferResponse(false, "不够"));
            await harness.RaiseAsync(WorkflowEvents.Offer, new RevisedOffer(Staff.Owner, new Remedy(RemedyType.Coupon, 50m + (round * 50), "更多代金券")));
        }

        await harness.RaiseAsync(WorkflowEvents.CustomerResponse, new OfferResponse(false, "还是不够"));
        await harness.RaiseAsync(WorkflowEvents.Offer, new RevisedOffer(Staff.Manager, new Remedy(RemedyType.Compensation, 8000m, "赔偿8000元")));
        var offersBeforeApproval = harness.Mails(NotificationKind.Offer).Count;
        var approval = (await harness.StatusAsync()).Expecting!.Single(e => e.EventName == WorkflowEvents.Approval);
        await harness.RaiseAsync(WorkflowEvents.Approval, new ApprovalDecision(Staff.CentreHead, true, "同意"));

        await harness.AssertHealthyAsync();
        Assert.Single(harness.Mails(NotificationKind.ApprovalRequest, Staff.Email(Staff.CentreHead)));
        Assert.Equal((Staff.CentreHead, 8000m), (approval.Assignee, approval.Amount));
        Assert.Equal(3, offersBeforeApproval);
        Assert.Equal(4, harness.Mails(NotificationKind.Offer).Count);
    }

    private static string? RoundOf(CaseHarness harness, OutgoingMail mail)
    {
        var token = System.Text.RegularExpressions.Regex.Match(mail.TextBody, @"/actions/([A-Za-z0-9_\-\.]+)").Groups[1].Value;
        return harness.Services.GetRequiredService<ActionTokens>().Read(token).Claims?.Round;
    }
}
