using ServerlessComplaints.Workflow.Domain;
using ServerlessComplaints.Workflow.Lifecycle;
using ServerlessComplaints.Workflow.Lifecycle.Events;
using ServerlessComplaints.Workflow.Notifications;

namespace ServerlessComplaints.Workflow.Tests.Lifecycle;

public class ApprovalTests
{
    private static readonly DateTimeOffset Monday = ComplaintHappyPathTests.Monday;

    private static async Task<CaseHarness> WithFindingsAsync(decimal amount)
    {
        var harness = CaseHarness.Create(Monday);
        await harness.SubmitAsync();
        await harness.RaiseAsync(WorkflowEvents.Findings, new FindingsSubmitted(Staff.Owner, "defect", ResponsibleParty.Company, "f", new Remedy(RemedyType.Refund, amount, "全额退款")));
        return harness;
    }

    [Fact]
    public async Task RemedyWithinOwnerAuthority_NoApproval_OfferGoesOut()
    {
        var harness = await WithFindingsAsync(199m);

        Assert.Empty(harness.Mails(NotificationKind.ApprovalRequest));
        var offer = Assert.Single(harness.Mails(NotificationKind.Offer, CaseHarness.CustomerEmail));
        Assert.Contains("199.00", offer.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RemedyAboveOwnerAuthority_SupervisorApproves_ThenOffer()
    {
        var harness = await WithFindingsAsync(599m);
        var stage = (await harness.StatusAsync()).Stage;
        var offersBefore = harness.Mails(NotificationKind.Offer).Count;

        await harness.RaiseAsync(WorkflowEvents.Approval, new ApprovalDecision(Staff.Supervisor, true, "同意"));

        Assert.Equal(CaseStage.Approval, stage);
        Assert.Equal(0, offersBefore);
        Assert.Single(harness.Mails(NotificationKind.ApprovalRequest, Staff.Email(Staff.Supervisor)));
        Assert.Single(harness.Mails(NotificationKind.Offer, CaseHarness.CustomerEmail));
        Assert.Contains("approved", await harness.TimelineActionsAsync());
    }

    [Fact]
    public async Task RemedyAboveSupervisorLimit_GoesStraightToManager()
    {
        var harness = await WithFindingsAsync(5000m);

        Assert.Empty(harness.Mails(NotificationKind.ApprovalRequest, Staff.Email(Staff.Supervisor)));
        Assert.Single(harness.Mails(NotificationKind.ApprovalRequest, Staff.Email(Staff.Manager)));
    }

    [Fact]
    public async Task ApprovalNotGivenInTime_EscalatesToNextLevelAndTellsOwner()
    {
        var harness = await WithFindingsAsync(599m);
        // Findings came Monday 10:00 Shanghai; one working day later is Tuesday 24:00 (Wednesday 00:00).
        var window = new DateTime(2026, 11, 24, 16, 0, 0, DateTimeKind.Utc);

        await harness.AdvanceToAsync(window.AddSeconds(-1));
        var managerEarly = harness.Mails(NotificationKind.ApprovalRequest, Staff.Email(Staff.Manager)).Count;
        await harness.AdvanceToAsync(window);
        var managerRequests = harness.Mails(NotificationKind.ApprovalRequest, Staff.Email(Staff.Manager));
        var ownerTold = harness.Mails(NotificationKind.ApprovalEscalated, Staff.Email(Staff.Owner));
        await harness.RaiseAsync(WorkflowEvents.Approval, new ApprovalDecision(Staff.Manager, true));

        Assert.Equal(0, managerEarly);
        Assert.Single(managerRequests);
        Assert.Single(ownerTold);
        Assert.Single(harness.Mails(NotificationKind.Offer));
        Assert.Contains("approval-escalated", await harness.TimelineActionsAsync());
    }

    [Fact]
    public async Task ApprovalRejected_OwnerRevises_RevisedRemedyWithinAuthority_OfferGoesOut()
    {
        var harness = await WithFindingsAsync(599m);

        await harness.RaiseAsync(WorkflowEvents.Approval, new ApprovalDecision(Staff.Supervisor, false, "金额过高"));
        var rejectedMail = Assert.Single(harness.Mails(NotificationKind.ApprovalRejected, Staff.Email(Staff.Owner)));
        await harness.RaiseAsync(WorkflowEvents.Offer, new RevisedOffer(Staff.Owner, new Remedy(RemedyType.Coupon, 150m, "150元代金券")));

        Assert.Contains("金额过高", rejectedMail.TextBody, StringComparison.Ordinal);
        var offer = Assert.Single(harness.Mails(NotificationKind.Offer, CaseHarness.CustomerEmail));
        Assert.Contains("150元代金券", offer.TextBody, StringComparison.Ordinal);
        Assert.Equal(150m, (await harness.RecordAsync()).Remedy!.Amount);
    }
}
