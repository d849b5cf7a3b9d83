using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.DependencyInjection;
using ServerlessComplaints.Web.Pages;
using ServerlessComplaints.Web.Staff;
using ServerlessComplaints.Workflow.Api;
using ServerlessComplaints.Workflow.Assessment;
using ServerlessComplaints.Workflow.Authorization;
using ServerlessComplaints.Workflow.Cases;
using ServerlessComplaints.Workflow.Domain;
using ServerlessComplaints.Workflow.Evidence;
using ServerlessComplaints.Workflow.Lifecycle;
using ServerlessComplaints.Workflow.Lifecycle.Events;
using ServerlessComplaints.Workflow.Orchestration;
using ServerlessComplaints.Workflow.Localization;

namespace ServerlessComplaints.Functions.Tests.Pages;

/// <summary>
/// The staff case page: at every stage for the owner (the real decision: the forms the owner gets), read-only, every
/// form offered at once, every form with an error on each of its fields, every refusal reason (code and values), every
/// "done" message, and every timeline entry public and internal; the staff message page of each kind.
/// </summary>
internal static partial class PageSamples
{
    private static AntiforgeryTokenSet Antiforgery => new("request-token", "cookie-token", "__RequestVerificationToken", null);

    private static string[] StaffFormKeys =>
        ["findings", "answer", "review", "approval", "offer", "customer-response", "execute", "survey", "extend", "note", "reassign", "legal-hold", "retry", "terminate"];

    private static void AddStaffCase(Dictionary<string, Sample> samples)
    {
        foreach (var stage in Enum.GetValues<CaseStage>())
        {
            samples[$"staff-case-{WireNames.Of(stage)}"] = OfStaffCase((lang, services) => new { View = CaseView(lang, services, "zhang.wei", stage) });
        }

        samples["staff-case-manager-reassign"] = OfStaffCase((lang, services) => new { View = CaseView(lang, services, "li.na", CaseStage.Investigation), Viewer = Member(services, "li.na") });
        samples["staff-case-approval-refused-above-limit"] = OfStaffCase((lang, services) => new { View = CaseView(lang, services, "wang.lei", CaseStage.Approval, approvalAmount: 3000m), Viewer = Member(services, "wang.lei") });
        samples["staff-case-read-only"] = OfStaffCase((lang, services) => new { View = CaseView(lang, services, "zhang.wei", CaseStage.Investigation, ownerId: "wang.lei") });
        samples["staff-case-every-form"] = OfStaffCase((lang, services) => new { View = EveryForm(CaseView(lang, services, "gao.feng", CaseStage.Investigation), services), Viewer = Member(services, "gao.feng") });
        samples["staff-case-every-timeline-entry"] = OfStaffCase((lang, services) => new { View = CaseView(lang, services, "zhang.wei", CaseStage.Investigation) with { Timeline = StaffTimeline(lang) } });
        foreach (var key in StaffFormKeys)
        {
            samples[$"staff-case-errors-{key}"] = OfStaffCase((lang, services) => new
            {
                View = EveryForm(CaseView(lang, services, "gao.feng", CaseStage.Investigation), services),
                Viewer = Member(services, "gao.feng"),
                Failed = key,
                Values = new Dictionary<string, string> { ["note"] = lang == CaseLanguage.Chinese ? "请尽快处理" : "Please hurry", ["owner"] = "zhang.wei" },
                Errors = EveryStaffActionError(),
            });
            samples[$"staff-case-done-{key}"] = OfStaffCase((lang, services) => new { View = CaseView(lang, services, "zhang.wei", CaseStage.Resolution), Done = key, ApprovalRequired = key is "findings" or "offer" });
        }

        foreach (var code in DecisionCodes.All)
        {
            samples[$"staff-case-refusal-{code}"] = OfStaffCase((lang, services) => new
            {
                View = CaseView(lang, services, "zhang.wei", CaseStage.Approval, approvalAmount: 599m),
                Refusal = new AuthorizationDecision(code == DecisionCodes.NotExpected ? AuthorizationVerdict.NotNow : AuthorizationVerdict.Forbidden, "english") { Code = code, Values = EveryDecisionValue() },
            });
        }

        foreach (var kind in StaffMessagePage.Kinds)
        {
            samples[$"staff-message-{kind}"] = Of<StaffMessagePage>((lang, _) => new { Lang = lang, Kind = kind });
            samples[$"staff-message-{kind}-signed-in"] = Of<StaffMessagePage>((lang, services) => new { Lang = lang, Kind = kind, Staff = Member(services, "li.na"), Antiforgery });
        }
    }

    /// <summary>The staff case page with the owner zhang.wei as viewer unless the parameters name another.</summary>
    private static Sample OfStaffCase(Func<string, IServiceProvider, object> parameters) =>
        new(typeof(StaffCasePage), (lang, services) =>
        {
            var given = parameters(lang, services);
            var all = new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["Lang"] = lang,
                ["Viewer"] = Member(services, "zhang.wei"),
                ["Antiforgery"] = Antiforgery,
                ["Now"] = Received.AddDays(1),
                ["EvidenceUrls"] = new Dictionary<string, string> { [TrackingNumber + "/1"] = "/evidence/t1", [TrackingNumber + "/2"] = "/evidence/t2" },
                ["EarlierCases"] = new List<EarlierCase> { new("CMP-20260901-AB12CD", Received.AddDays(-80), CaseStage.Archived, ComplaintKind.Complaint, lang == CaseLanguage.Chinese ? "电饭煲无法加热" : "Rice cooker", CaseOutcome.Resolved), new("CMP-20260701-EF34GH", Received.AddDays(-140), CaseStage.Closed) },
            };
            foreach (var property in given.GetType().GetProperties())
            {
                all[property.Name] = property.GetValue(given);
            }

            return new PageResult<StaffCasePage>(lang, all).RenderAsync(services, PageLink.Root);
        });

    private static StaffMember Member(IServiceProvider services, string id) => services.GetRequiredService<StaffDirectory>().Get(id);

    /// <summary>A quality case at <paramref name="stage"/> waiting for what that stage waits for, as <paramref name="viewerId"/> sees it (the real decision).</summary>
    private static StaffCaseView CaseView(string lang, IServiceProvider services, string viewerId, CaseStage stage, decimal approvalAmount = 599m, string ownerId = "zhang.wei")
    {
        var authorization = services.GetRequiredService<CaseAuthorization>();
        var closed = stage is CaseStage.Closed or CaseStage.Archived;
        var waiting = stage switch
        {
            CaseStage.Investigation => [new CaseExpectation(WorkflowEvents.Findings, "f-1", "zhang.wei"), new CaseExpectation(WorkflowEvents.Extend, "e-1", "li.na")],
            CaseStage.Approval => [new CaseExpectation(WorkflowEvents.Approval, "a-1", approvalAmount > 1000m ? "li.na" : "wang.lei", approvalAmount)],
            CaseStage.Resolution => [new CaseExpectation(WorkflowEvents.CustomerResponse, "c-1", "customer")],
            CaseStage.Execution => [new CaseExpectation(WorkflowEvents.Execution, "x-1", "zhang.wei")],
            CaseStage.FollowUp => [new CaseExpectation(WorkflowEvents.Survey, "s-1", "customer")],
            _ => Array.Empty<CaseExpectation>(),
        };
        var runtime = stage switch
        {
            CaseStage.Failed => WorkflowRuntimeStatus.Failed,
            _ when closed => WorkflowRuntimeStatus.Completed,
            _ => WorkflowRuntimeStatus.Running,
        };
        var snapshot = new CaseSnapshot(ComplaintKind.Complaint, "quality", ownerId, stage, runtime, waiting, closed, ownerId == "zhang.wei" ? null : ["zhang.wei"]);
        var viewer = Member(services, viewerId);
        var access = authorization.AccessOf(viewer, snapshot);
        var decisions = access == CaseAccess.Act ? StaffCaseView.PageOrder.ToDictionary(a => a, a => authorization.Decide(CaseActor.Of(viewer), a, snapshot)) : [];
        var remedy = new Remedy(RemedyType.Refund, approvalAmount, lang == CaseLanguage.Chinese ? "退款599元" : "Refund of 599");
        var record = new ComplaintRecord(FullDetails(lang))
        {
            Stage = stage,
            Urgency = Urgency.Urgent,
            DepartmentId = "quality",
            OwnerId = ownerId,
            PreviousOwnerIds = ownerId == "zhang.wei" ? [] : ["zhang.wei"],
            DueAtUtc = Received.AddDays(3),
            EscalationLevel = stage == CaseStage.Investigation ? 1 : 0,
            Findings = stage is CaseStage.Intake or CaseStage.Investigation ? null
                : new FindingsSubmitted("zhang.wei", lang == CaseLanguage.Chinese ? "加热盘缺陷" : "Heating plate defect", ResponsibleParty.Company, lang == CaseLanguage.Chinese ? "同批次" : "Same batch", remedy),
            Remedy = stage is CaseStage.Intake or CaseStage.Investigation ? null : remedy,
            ExecutionReference = stage is CaseStage.FollowUp || closed ? "RF-2026-001" : null,
            SurveyRating = closed ? 4 : null,
            SurveyComment = closed ? (lang == CaseLanguage.Chinese ? "请尽快处理" : "Please hurry") : null,
            Outcome = closed ? CaseOutcome.Resolved : null,
            ClosedAtUtc = closed ? Received.AddDays(9) : null,
            LegalHold = closed,
        };
        var clocks = new List<CurrentDeadline> { new(DeadlineClock.Response, Received.AddDays(3)) };
        if (stage is CaseStage.Resolution or CaseStage.Execution or CaseStage.FollowUp || closed)
        {
            clocks.Add(new(DeadlineClock.OfferAnswer, Received.AddDays(4)));
        }

        return new StaffCaseView(
            record,
            [Staff(TimelineCodes.Received, "customer", true, new() { [TimelineParameters.Channel] = "web" }), Staff(TimelineCodes.Note, "zhang.wei", false, new() { [TimelineParameters.Text] = lang == CaseLanguage.Chinese ? "请尽快处理" : "Please hurry" })],
            [new EvidenceItem(TrackingNumber + "/1", "加热盘.jpg", "image/jpeg", 200_000, "x"), new EvidenceItem(TrackingNumber + "/2", "发票.pdf", "application/pdf", 40_000, "y")],
            snapshot,
            [.. waiting.Select(w => w with { Assignee = authorization.AssigneeNow(w, snapshot) })],
            access,
            decisions,
            decisions.TryGetValue(CaseAction.Reassign, out var reassign) && reassign.IsAllowed ? services.GetRequiredService<CaseReassignment>().Candidates(viewer, snapshot) : [],
            clocks,
            closed ? null : clocks[^1],
            runtime.ToString(),
            runtime == WorkflowRuntimeStatus.Failed ? (lang == CaseLanguage.Chinese ? "存储不可用" : "storage unreachable") : null,
            services.GetRequiredService<AuthorityMatrix>().LimitOf(viewer.Role));
    }

    /// <summary>Every action allowed at once (no real case waits for all of them): every form on one page.</summary>
    private static StaffCaseView EveryForm(StaffCaseView view, IServiceProvider services) => view with
    {
        Decisions = StaffCaseView.PageOrder.ToDictionary(a => a, _ => new AuthorizationDecision(AuthorizationVerdict.Allowed, "allowed")),
        NewOwners = [.. services.GetRequiredService<StaffDirectory>().All.Where(m => m.Id != "zhang.wei")],
    };

    private static ComplaintDetails FullDetails(string lang) => Details(lang) with
    {
        Customer = new Customer(lang == CaseLanguage.Chinese ? "王芳" : "Emily", "wang.fang@example.cn", "+86 138 0000 0000"),
        Location = lang == CaseLanguage.Chinese ? "电饭煲无法加热" : "Pudong store",
        OrderReference = "RF-2026-001",
        OccurredAt = new DateTimeOffset(Received.AddDays(-2)),
        DesiredRemedy = RemedyType.Refund,
        LoggedBy = "zhang.wei",
    };

    private static TimelineEntry Staff(string code, string actor, bool isPublic, Dictionary<string, string> parameters) =>
        TimelineEntry.Of(TrackingNumber, code + actor, Received.AddHours(1), actor, code, isPublic, parameters);

    /// <summary>Every timeline code with each of its parameter values (as the status page's sample), alternately public and internal, staff by id.</summary>
    private static List<TimelineEntry> StaffTimeline(string lang) =>
    [
        .. EveryTimelineEntry(lang).Select((e, i) => new TimelineEntry(TrackingNumber, $"e{i}", e.AtUtc, e.Actor == "staff" ? "wang.lei" : e.Actor, e.Action, e.Detail, i % 2 == 0, e.Parameters)),
    ];

    private static Dictionary<string, string[]> EveryStaffActionError() => new(EveryActionError(), StringComparer.Ordinal)
    {
        ["reason"] = ["reason is required."], ["hold"] = ["hold is required (true to place, false to release)."], ["note"] = ["note must be at most 4000 characters."],
        ["owner"] = ["owner already owns the case."],
    };

    private static Dictionary<string, string> EveryDecisionValue() => new(StringComparer.Ordinal)
    {
        [DecisionCodes.Role] = "manager", [DecisionCodes.Amount] = "5000.00", [DecisionCodes.Limit] = "1000.00", [DecisionCodes.Staff] = "li.na",
        [DecisionCodes.Kind] = "inquiry", [DecisionCodes.Stage] = "approval", [DecisionCodes.Runtime] = "failed",
    };
}
