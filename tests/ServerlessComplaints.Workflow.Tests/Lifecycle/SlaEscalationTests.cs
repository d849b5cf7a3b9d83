using ServerlessComplaints.Workflow.Domain;
using ServerlessComplaints.Workflow.Lifecycle;
using ServerlessComplaints.Workflow.Lifecycle.Events;
using ServerlessComplaints.Workflow.Notifications;

namespace ServerlessComplaints.Workflow.Tests.Lifecycle;

public class SlaEscalationTests
{
    private static readonly DateTimeOffset Monday = ComplaintHappyPathTests.Monday;
    private static readonly DateTime Due = ComplaintHappyPathTests.ComplaintDue;

    // Received Monday 02:00Z, due Thursday 16:00Z: 86 hours.
    private static readonly DateTime At50 = Monday.UtcDateTime.AddHours(43);
    private static readonly DateTime At80 = Monday.UtcDateTime + (TimeSpan.FromHours(86) * 0.8);

    // One working day after the deadline: end of Friday 27 November in Shanghai.
    private static readonly DateTime CentreHeadAt = new(2026, 11, 27, 16, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task FindingsLate_RemindersAt50And80Percent_ThenManager_ThenCentreHead()
    {
        var harness = CaseHarness.Create(Monday);
        await harness.SubmitAsync();
        var owner = Staff.Email(Staff.Owner);

        await harness.AdvanceToAsync(At50.AddSeconds(-1));
        var remindersBefore50 = harness.Mails(NotificationKind.Reminder, owner).Count;
        await harness.AdvanceToAsync(At50);
        var remindersAt50 = harness.Mails(NotificationKind.Reminder, owner).Count;
        await harness.AdvanceToAsync(At80);
        var remindersAt80 = harness.Mails(NotificationKind.Reminder, owner);
        await harness.AdvanceToAsync(Due.AddSeconds(-1));
        var escalationsBeforeDue = harness.Mails(NotificationKind.Escalation).Count;
        await harness.AdvanceToAsync(Due);
        var levelAtDue = (await harness.StatusAsync()).EscalationLevel;
        var toManager = harness.Mails(NotificationKind.Escalation, Staff.Email(Staff.Manager));
        await harness.AdvanceToAsync(CentreHeadAt.AddSeconds(-1));
        var toHeadEarly = harness.Mails(NotificationKind.Escalation, Staff.Email(Staff.CentreHead)).Count;
        await harness.AdvanceToAsync(CentreHeadAt);
        var toHead = harness.Mails(NotificationKind.Escalation, Staff.Email(Staff.CentreHead));

        Assert.Equal(0, remindersBefore50);
        Assert.Equal(1, remindersAt50);
        Assert.Equal(2, remindersAt80.Count);
        Assert.Contains("80%", remindersAt80[1].Subject, StringComparison.Ordinal);
        Assert.Equal(0, escalationsBeforeDue);
        Assert.Equal(1, levelAtDue);
        Assert.Single(toManager);
        Assert.Equal(0, toHeadEarly);
        Assert.Single(toHead);
        Assert.Equal(2, (await harness.StatusAsync()).EscalationLevel);
        Assert.Equal(2, (await harness.RecordAsync()).EscalationLevel);
    }

    [Fact]
    public async Task FindingsAfterEscalation_StillAcceptedAndTimersStop()
    {
        var harness = CaseHarness.Create(Monday);
        await harness.SubmitAsync();
        await harness.AdvanceToAsync(CentreHeadAt.AddDays(3));

        await harness.RaiseAsync(WorkflowEvents.Findings, new FindingsSubmitted(Staff.Owner, "late", ResponsibleParty.Staff, "f", new Remedy(RemedyType.Apology, null, "致歉")));
        await harness.AdvanceAsync(TimeSpan.FromDays(4));

        await harness.AssertHealthyAsync();
        Assert.Equal(CaseStage.Resolution, (await harness.StatusAsync()).Stage);
        Assert.Equal(2, harness.Mails(NotificationKind.Escalation).Count);
        Assert.Equal(2, harness.Mails(NotificationKind.Reminder).Count);
    }

    [Fact]
    public async Task FindingsBeforeHalfTime_NoReminderEverSent()
    {
        var harness = CaseHarness.Create(Monday);
        await harness.SubmitAsync();

        await harness.AdvanceAsync(TimeSpan.FromHours(2));
        await harness.RaiseAsync(WorkflowEvents.Findings, new FindingsSubmitted(Staff.Owner, "rc", ResponsibleParty.Company, "f", new Remedy(RemedyType.Explanation, null, "说明")));
        await harness.AdvanceAsync(TimeSpan.FromDays(6));

        Assert.Empty(harness.Mails(NotificationKind.Reminder));
        Assert.Empty(harness.Mails(NotificationKind.Escalation));
        Assert.Equal(0, (await harness.StatusAsync()).EscalationLevel);
    }

    [Fact]
    public async Task SpecialCase_ExtendedToSevenWorkingDays_CustomerToldAndOldDeadlineIgnored()
    {
        var harness = CaseHarness.Create(Monday);
        await harness.SubmitAsync();
        // Seven working days after Monday 23 Nov: Tue 24 … Wed 2 Dec, so due Thursday 3 Dec 00:00 Shanghai.
        var extendedDue = new DateTime(2026, 12, 2, 16, 0, 0, DateTimeKind.Utc);

        await harness.AdvanceAsync(TimeSpan.FromHours(20));
        await harness.RaiseAsync(WorkflowEvents.Extend, new ExtensionGranted(Staff.Manager, "需要厂家检测"));
        var status = await harness.StatusAsync();
        await harness.AdvanceToAsync(Due.AddHours(1));
        var escalationsAtOldDue = harness.Mails(NotificationKind.Escalation).Count;
        await harness.AdvanceToAsync(extendedDue);

        Assert.Equal(extendedDue, status.DueAtUtc);
        var notice = Assert.Single(harness.Mails(NotificationKind.ExtensionNotice, CaseHarness.CustomerEmail));
        Assert.Contains("12月2日 24:00 前 (UTC+8)", notice.TextBody, StringComparison.Ordinal);
        Assert.Contains("需要厂家检测", notice.TextBody, StringComparison.Ordinal);
        Assert.Equal(0, escalationsAtOldDue);
        Assert.Single(harness.Mails(NotificationKind.Escalation, Staff.Email(Staff.Manager)));
        var record = await harness.RecordAsync();
        Assert.True(record.Extended);
        Assert.Equal(extendedDue, record.DueAtUtc);
        Assert.Contains("extended", await harness.TimelineActionsAsync());
    }

    [Fact]
    public async Task Intake_SafetyKeyword_MarksUrgent()
    {
        var harness = CaseHarness.Create(Monday);

        await harness.SubmitAsync(CaseHarness.Submission(description: "插上电源后电饭煲冒烟起火，孩子手被烫伤。"));

        var record = await harness.RecordAsync();
        Assert.Equal(Urgency.Urgent, record.Urgency);
        Assert.Contains(record.AssessmentReasons, r => r.Contains("起火", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Intake_RepeatComplaintWithin30Days_RaisesUrgency()
    {
        var harness = CaseHarness.Create(Monday);
        await harness.SubmitAsync();
        var first = await harness.RecordAsync();

        await harness.AdvanceAsync(TimeSpan.FromDays(10));
        await harness.SubmitAsync();
        var second = await harness.RecordAsync();

        Assert.Equal(Urgency.Normal, first.Urgency);
        Assert.Equal(Urgency.Urgent, second.Urgency);
        Assert.Contains("repeat complaint", second.AssessmentReasons);
    }
}
