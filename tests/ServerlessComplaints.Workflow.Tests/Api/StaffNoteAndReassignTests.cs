using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using ServerlessComplaints.Workflow.Api;
using ServerlessComplaints.Workflow.Assessment;
using ServerlessComplaints.Workflow.Authorization;
using ServerlessComplaints.Workflow.Cases;
using ServerlessComplaints.Workflow.Domain;
using ServerlessComplaints.Workflow.Intake;
using ServerlessComplaints.Workflow.Lifecycle;
using ServerlessComplaints.Workflow.Localization;
using ServerlessComplaints.Workflow.Notifications;
using ServerlessComplaints.Workflow.Tests.Lifecycle;
using P = ServerlessComplaints.Workflow.Cases.TimelineParameters;

namespace ServerlessComplaints.Workflow.Tests.Api;

/// <summary>
/// The staff steps on the record through the staff handler, on the deterministic harness (the real orchestrator):
/// an internal note, and a reassignment after which the new owner answers what the orchestration still assigns to the
/// old one, the old owner cannot, and the reminders follow the new owner — with no change to the orchestration.
/// </summary>
public class StaffNoteAndReassignTests
{
    private readonly CaseHarness _harness = CaseHarness.Create(ComplaintHappyPathTests.Monday);

    private StaffDirectory Directory => _harness.Services.GetRequiredService<StaffDirectory>();

    private static readonly StaffActionBody Findings = new()
    {
        RootCause = "加热盘缺陷", ResponsibleParty = "company", Facts = "同批次", Remedy = new RemedyBody { Type = "coupon", Amount = 50, Description = "代金券" },
    };

    [Fact]
    public async Task Note_ByTheOwner_InternalEntryWithTheText_NotOnTheCustomersTimeline()
    {
        var tn = await _harness.SubmitAsync();

        var response = await Staff().ActAsync(tn, "note", new StaffActionBody { Note = "客户来电，要求尽快回复" }, Directory.Get("zhang.wei"), CancellationToken.None);
        var empty = await Staff().ActAsync(tn, "note", new StaffActionBody { Note = "  " }, Directory.Get("zhang.wei"), CancellationToken.None);
        var stranger = await Staff().ActAsync(tn, "note", new StaffActionBody { Note = "x" }, Directory.Get("liu.yang"), CancellationToken.None);

        Assert.Equal(200, response.StatusCode);
        Assert.Equal(400, empty.StatusCode);
        Assert.Equal(403, stranger.StatusCode);
        var entry = Assert.Single(await TimelineAsync(tn), e => e.Action == TimelineCodes.Note);
        Assert.Equal(("zhang.wei", false, "客户来电，要求尽快回复"), (entry.Actor, entry.IsPublic, entry.Detail));
        var line = _harness.Services.GetRequiredService<TimelineText>().Render(entry, CaseCulture.Of(CaseLanguage.Chinese));
        Assert.Equal(("内部备注", "客户来电，要求尽快回复", "张伟"), (line.Text, line.Quote, line.Actor));
        var status = ActivatorUtilities.CreateInstance<StatusHandler>(_harness.Services, _harness.Host.Client);
        var view = (await status.FindAsync(tn, null, CaseHarness.CustomerEmail, CancellationToken.None))!;
        Assert.DoesNotContain(view.Timeline, e => e.Action == TimelineCodes.Note);
    }

    [Fact]
    public async Task Note_OnAClosedCase_Allowed()
    {
        var tn = await _harness.SubmitAsync();
        var manager = Directory.Get("li.na");
        await Staff().ActAsync(tn, "terminate", new StaffActionBody { Reason = "重复案件" }, manager, CancellationToken.None);

        var response = await Staff().ActAsync(tn, "note", new StaffActionBody { Note = "已与客户确认" }, manager, CancellationToken.None);

        Assert.Equal(200, response.StatusCode);
    }

    [Fact]
    public async Task Reassign_AcrossDepartments_NewOwnerActsOldOwnerRefused_RemindersFollow()
    {
        var tn = await _harness.SubmitAsync();

        var bySupervisor = await Staff().ActAsync(tn, "reassign", new StaffActionBody { Owner = "liu.yang" }, Directory.Get("wang.lei"), CancellationToken.None);
        var toOwner = await Staff().ActAsync(tn, "reassign", new StaffActionBody { Owner = "zhang.wei" }, Directory.Get("li.na"), CancellationToken.None);
        var reassigned = await Staff().ActAsync(tn, "reassign", new StaffActionBody { Owner = "liu.yang", Reason = "属于客服问题" }, Directory.Get("li.na"), CancellationToken.None);

        Assert.Equal(403, bySupervisor.StatusCode);
        Assert.Equal(DecisionCodes.ReassignAcross, ((ProblemBody)bySupervisor.Body!).Code);
        Assert.Equal(400, toOwner.StatusCode);
        Assert.Equal(200, reassigned.StatusCode);
        var record = await _harness.RecordAsync();
        Assert.Equal(("liu.yang", "service", "zhang.wei"), (record.OwnerId, record.DepartmentId, Assert.Single(record.PreviousOwnerIds)));
        var entry = Assert.Single(await TimelineAsync(tn), e => e.Action == TimelineCodes.Reassigned);
        Assert.Equal(("li.na", false, "zhang.wei", "liu.yang", "属于客服问题"), (entry.Actor, entry.IsPublic, entry.Parameters![P.From], entry.Parameters[P.To], entry.Detail));
        var mail = Assert.Single(_harness.Mails(NotificationKind.Reassigned));
        Assert.Equal("liu.yang@example.cn", mail.To);
        Assert.Contains("/staff/cases/" + tn, mail.TextBody, StringComparison.Ordinal);

        // The orchestration still names zhang.wei; nothing of it changed.
        Assert.Equal("zhang.wei", (await _harness.StatusAsync()).Owner);
        await _harness.AdvanceAsync(TimeSpan.FromDays(2));
        Assert.NotEmpty(_harness.Mails(NotificationKind.Reminder, "liu.yang@example.cn"));
        Assert.Empty(_harness.Mails(NotificationKind.Reminder, "zhang.wei@example.cn"));

        var oldOwner = await Staff().ActAsync(tn, "findings", Findings, Directory.Get("zhang.wei"), CancellationToken.None);
        var oldSupervisor = await Staff().ActAsync(tn, "findings", Findings, Directory.Get("wang.lei"), CancellationToken.None);
        var newOwner = await Staff().ActAsync(tn, "findings", Findings, Directory.Get("liu.yang"), CancellationToken.None);
        await _harness.Host.SettleAsync();

        Assert.Equal(403, oldOwner.StatusCode);
        Assert.Equal(403, oldSupervisor.StatusCode);
        Assert.Equal(202, newOwner.StatusCode);
        await _harness.AssertHealthyAsync();
        Assert.Equal(CaseStage.Resolution, (await _harness.StatusAsync()).Stage);
        Assert.Equal("liu.yang", (await _harness.RecordAsync()).Findings!.StaffId);
    }

    [Fact]
    public async Task Reassign_WithinDepartment_BySupervisor_OldOwnerReadsOnly()
    {
        var tn = await _harness.SubmitAsync();
        var supervisor = Directory.Get("wang.lei");

        var response = await Staff().ActAsync(tn, "reassign", new StaffActionBody { Owner = "li.na" }, supervisor, CancellationToken.None);
        var view = await Views().ViewAsync(tn, Directory.Get("zhang.wei"), CancellationToken.None);
        var newOwnersView = await Views().ViewAsync(tn, Directory.Get("li.na"), CancellationToken.None);

        Assert.Equal(200, response.StatusCode);
        Assert.Equal(CaseAccess.Read, view!.Access);
        Assert.Empty(view.Decisions);
        Assert.True(newOwnersView!.Allows(CaseAction.Findings));
        Assert.Equal("li.na", Assert.Single(newOwnersView.Waiting, w => w.EventName == Workflow.Lifecycle.Events.WorkflowEvents.Findings).Assignee);
    }

    [Fact]
    public async Task View_Owner_FindingsAndNoteAllowed_ReassignNot_CandidatesForTheManagerAreEveryone()
    {
        var tn = await _harness.SubmitAsync();

        var owner = (await Views().ViewAsync(tn, Directory.Get("zhang.wei"), CancellationToken.None))!;
        var supervisor = (await Views().ViewAsync(tn, Directory.Get("wang.lei"), CancellationToken.None))!;
        var manager = (await Views().ViewAsync(tn, Directory.Get("li.na"), CancellationToken.None))!;
        var stranger = (await Views().ViewAsync(tn, Directory.Get("liu.yang"), CancellationToken.None))!;

        Assert.Equal(CaseAccess.Act, owner.Access);
        Assert.True(owner.Allows(CaseAction.Findings) && owner.Allows(CaseAction.Note));
        Assert.False(owner.Allows(CaseAction.Reassign) || owner.Allows(CaseAction.Approve));
        Assert.Equal(200m, owner.ViewerLimit);
        Assert.Equal(DeadlineClock.Response, Assert.Single(owner.Clocks).Clock);
        Assert.Equal(["li.na", "wang.lei"], supervisor.NewOwners.Select(m => m.Id).Order());
        Assert.Equal(Directory.All.Count - 1, manager.NewOwners.Count);
        Assert.Equal(CaseAccess.None, stranger.Access);
        Assert.Empty(stranger.Timeline);
    }

    private StaffHandler Staff()
    {
        var sp = _harness.Services;
        var clock = _harness.Host.Clock;
        var client = _harness.Host.Client;
        var intake = ActivatorUtilities.CreateInstance<CaseIntake>(sp, client, clock);
        var intakeHandler = ActivatorUtilities.CreateInstance<IntakeHandler>(sp, intake, clock, NullLogger<IntakeHandler>.Instance);
        return ActivatorUtilities.CreateInstance<StaffHandler>(sp, client, intakeHandler, clock);
    }

    private StaffCaseViews Views() => ActivatorUtilities.CreateInstance<StaffCaseViews>(_harness.Services, _harness.Host.Client);

    private Task<IReadOnlyList<TimelineEntry>> TimelineAsync(string tn) => _harness.Services.GetRequiredService<ITimelineStore>().ListAsync(tn, CancellationToken.None);
}
