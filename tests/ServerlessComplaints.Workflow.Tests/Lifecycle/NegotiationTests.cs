using ServerlessComplaints.Workflow.Domain;
using ServerlessComplaints.Workflow.Lifecycle;
using ServerlessComplaints.Workflow.Lifecycle.Events;
using ServerlessComplaints.Workflow.Notifications;
using ServerlessComplaints.Workflow.Orchestration;

namespace ServerlessComplaints.Workflow.Tests.Lifecycle;

public class NegotiationTests
{
    private static readonly DateTimeOffset Monday = ComplaintHappyPathTests.Monday;

    internal static async Task<CaseHarness> OfferedAsync()
    {
        var harness = CaseHarness.Create(Monday);
        await harness.SubmitAsync();
        await harness.RaiseAsync(WorkflowEvents.Findings, new FindingsSubmitted(Staff.Owner, "defect", ResponsibleParty.Company, "f", new Remedy(RemedyType.Coupon, 50m, "50元代金券")));
        return harness;
    }

    [Fact]
    public async Task CustomerDeclines_OwnerRevises_CustomerAccepts_ExecutionConfirmed()
    {
        var harness = await OfferedAsync();

        await harness.RaiseAsync(WorkflowEvents.CustomerResponse, new OfferResponse(false, "希望退款"));
        var revisionRequest = Assert.Single(harness.Mails(NotificationKind.RevisionRequest, Staff.Email(Staff.Owner)));
        await harness.RaiseAsync(WorkflowEvents.Offer, new RevisedOffer(Staff.Owner, new Remedy(RemedyType.Refund, 180m, "退款180元")));
        var offers = harness.Mails(NotificationKind.Offer, CaseHarness.CustomerEmail);
        await harness.RaiseAsync(WorkflowEvents.CustomerResponse, new OfferResponse(true));
        await harness.RaiseAsync(WorkflowEvents.Execution, new ExecutionConfirmed(Staff.Owner, "RF-88231"));

        await harness.AssertHealthyAsync();
        Assert.Contains("希望退款", revisionRequest.TextBody, StringComparison.Ordinal);
        Assert.Equal(2, offers.Count);
        Assert.Contains("退款180元", offers[1].TextBody, StringComparison.Ordinal);
        var notice = Assert.Single(harness.Mails(NotificationKind.ExecutionNotice, CaseHarness.CustomerEmail));
        Assert.Contains("RF-88231", notice.TextBody, StringComparison.Ordinal);
        var record = await harness.RecordAsync();
        Assert.Equal(RemedyType.Refund, record.Remedy!.Type);
        Assert.Equal(CaseStage.FollowUp, (await harness.StatusAsync()).Stage);
        var timeline = await harness.TimelineActionsAsync();
        Assert.Equal(["offer-sent", "offer-declined", "offer-revised", "offer-sent", "offer-accepted", "executed"], timeline.Where(a => a.StartsWith("offer", StringComparison.Ordinal) || a == "executed"));
    }

    [Fact]
    public async Task DeclinedPastNegotiationRounds_ManagerMakesFinalOffer_DeclineClosesCase()
    {
        var harness = await OfferedAsync();

        for (var round = 1; round <= 2; round++)
        {
            await harness.RaiseAsync(WorkflowEvents.CustomerResponse, new OfferResponse(false, $"不接受 {round}"));
            await harness.RaiseAsync(WorkflowEvents.Offer, new RevisedOffer(Staff.Owner, new Remedy(RemedyType.Coupon, 50m + (round * 50), "更多代金券")));
        }

        await harness.RaiseAsync(WorkflowEvents.CustomerResponse, new OfferResponse(false, "还是不接受"));
        var toManager = harness.Mails(NotificationKind.NegotiationEscalated, Staff.Email(Staff.Manager));
        await harness.RaiseAsync(WorkflowEvents.Offer, new RevisedOffer(Staff.Manager, new Remedy(RemedyType.Compensation, 180m, "最终方案：补偿180元")));
        var finalOffers = harness.Mails(NotificationKind.Offer, CaseHarness.CustomerEmail);
        await harness.RaiseAsync(WorkflowEvents.CustomerResponse, new OfferResponse(false, "拒绝"));

        Assert.Single(toManager);
        Assert.Equal(2, harness.Mails(NotificationKind.RevisionRequest, Staff.Email(Staff.Owner)).Count);
        Assert.Equal(4, finalOffers.Count);
        Assert.Contains("最终方案", finalOffers[3].TextBody, StringComparison.Ordinal);
        Assert.Equal(WorkflowRuntimeStatus.Completed, (await harness.InstanceAsync()).RuntimeStatus);
        Assert.Equal(CaseOutcome.Declined, (await harness.OutcomeAsync())!.Outcome);
        Assert.Empty(harness.Mails(NotificationKind.Survey));
    }

    [Fact]
    public async Task OfferUnanswered_OneReminder_ThenClosedAsNoResponse()
    {
        var harness = await OfferedAsync();
        var offeredAt = harness.Now;

        await harness.AdvanceToAsync(offeredAt.AddDays(3).AddSeconds(-1));
        var remindersEarly = harness.Mails(NotificationKind.OfferReminder).Count;
        await harness.AdvanceToAsync(offeredAt.AddDays(3));
        var reminders = harness.Mails(NotificationKind.OfferReminder, CaseHarness.CustomerEmail).Count;
        await harness.AdvanceToAsync(offeredAt.AddDays(5).AddSeconds(-1));
        var statusBefore = (await harness.InstanceAsync()).RuntimeStatus;
        await harness.AdvanceToAsync(offeredAt.AddDays(5));

        Assert.Equal(0, remindersEarly);
        Assert.Equal(1, reminders);
        Assert.Equal(WorkflowRuntimeStatus.Running, statusBefore);
        var outcome = await harness.OutcomeAsync();
        Assert.Equal(CaseOutcome.NoResponse, outcome!.Outcome);
        Assert.Equal(offeredAt.AddDays(5), outcome.ClosedAtUtc);
        Assert.Single(harness.Mails(NotificationKind.OfferReminder));
    }

    [Fact]
    public async Task ExecutionNotConfirmed_OwnerRemindedThenManagerEscalated()
    {
        var harness = await OfferedAsync();
        await harness.RaiseAsync(WorkflowEvents.CustomerResponse, new OfferResponse(true));

        await harness.AdvanceAsync(TimeSpan.FromDays(8));

        Assert.Equal(CaseStage.Execution, (await harness.StatusAsync()).Stage);
        Assert.Equal(2, harness.Mails(NotificationKind.Reminder, Staff.Email(Staff.Owner)).Count);
        Assert.Single(harness.Mails(NotificationKind.Escalation, Staff.Email(Staff.Manager)));
        Assert.Single(harness.Mails(NotificationKind.Escalation, Staff.Email(Staff.CentreHead)));
    }
}
