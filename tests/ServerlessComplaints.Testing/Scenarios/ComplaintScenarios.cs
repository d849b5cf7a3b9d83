using ServerlessComplaints.Workflow.Domain;
using ServerlessComplaints.Workflow.Intake;
using ServerlessComplaints.Workflow.Lifecycle;
using ServerlessComplaints.Workflow.Lifecycle.Events;

namespace ServerlessComplaints.Testing.Scenarios;

/// <summary>The scenarios both engines run: the one place their steps are written.</summary>
public static class ComplaintScenarios
{
    // The sample directory's quality department (product-quality), delivery (inquiries) and facilities (suggestions).
    public const string Owner = "zhang.wei";
    public const string Supervisor = "wang.lei";
    public const string Manager = "li.na";
    private const string DeliveryOwner = "zhao.min";
    private const string FacilitiesOwner = "ma.chao";

    public static readonly CaseScenario Approval = new(
        "complaint-with-approval",
        Submission("complaint", "product-quality"),
        [
            new(CaseStage.Investigation, "assessed", WorkflowEvents.Findings, Findings("heating element defect", new Remedy(RemedyType.Refund, 599m, "全额退款"))),
            new(CaseStage.Approval, "approval-requested", WorkflowEvents.Approval, new ApprovalDecision(Supervisor, true, "同意")),
            new(CaseStage.Resolution, "offer-sent", WorkflowEvents.CustomerResponse, new OfferResponse(true)),
            new(CaseStage.Execution, "execution-requested", WorkflowEvents.Execution, new ExecutionConfirmed(Owner, "RF-20261123-01")),
            new(CaseStage.FollowUp, "survey-sent", WorkflowEvents.Survey, new SurveyAnswered(5, "很满意")),
        ],
        CaseOutcome.Resolved,
        ["approval-requested", "approved", "executed", "survey-answered", "archived"]);

    public static readonly CaseScenario Inquiry = new(
        "inquiry",
        Submission("inquiry", "delivery"),
        [
            new(CaseStage.Investigation, "assessed", WorkflowEvents.Answer, new InquiryAnswered(DeliveryOwner, "您的订单已于今天发货，预计周三送达。")),
            new(CaseStage.FollowUp, "survey-sent", WorkflowEvents.Survey, new SurveyAnswered(4)),
        ],
        CaseOutcome.Resolved,
        ["answered", "survey-answered", "archived"]);

    public static readonly CaseScenario Suggestion = new(
        "suggestion",
        Submission("suggestion", "facilities"),
        [
            new(CaseStage.Investigation, "assessed", WorkflowEvents.Review, new SuggestionReviewed(FacilitiesOwner, true, "感谢建议，下月起增设母婴室。")),
        ],
        CaseOutcome.Reviewed,
        ["suggestion-adopted", "archived"]);

    public static readonly CaseScenario DeclinedThenRevised = new(
        "declined-then-revised",
        Submission("complaint", "product-quality"),
        [
            new(CaseStage.Investigation, "assessed", WorkflowEvents.Findings, Findings("defect", new Remedy(RemedyType.Coupon, 50m, "50元代金券"))),
            new(CaseStage.Resolution, "offer-sent", WorkflowEvents.CustomerResponse, new OfferResponse(false, "希望退款")),
            new(CaseStage.Resolution, "offer-declined", WorkflowEvents.Offer, new RevisedOffer(Owner, new Remedy(RemedyType.Refund, 180m, "退款180元"))),
            new(CaseStage.Resolution, "offer-sent", WorkflowEvents.CustomerResponse, new OfferResponse(true)),
            new(CaseStage.Execution, "execution-requested", WorkflowEvents.Execution, new ExecutionConfirmed(Owner, "RF-88231")),
            new(CaseStage.FollowUp, "survey-sent", WorkflowEvents.Survey, new SurveyAnswered(4)),
        ],
        CaseOutcome.Resolved,
        ["offer-declined", "offer-revised", "offer-accepted", "executed"]);

    public static readonly CaseScenario Reopen = new(
        "reopen",
        Submission("complaint", "product-quality"),
        [
            new(CaseStage.Investigation, "assessed", WorkflowEvents.Findings, Findings("defect", new Remedy(RemedyType.Repair, null, "免费维修"))),
            new(CaseStage.Resolution, "offer-sent", WorkflowEvents.CustomerResponse, new OfferResponse(true)),
            new(CaseStage.Execution, "execution-requested", WorkflowEvents.Execution, new ExecutionConfirmed(Owner, "R-1")),
            new(CaseStage.FollowUp, "survey-sent", WorkflowEvents.Survey, new SurveyAnswered(1, "还是坏的")),
            new(CaseStage.Investigation, "reopened", WorkflowEvents.Findings, Findings("second defect", new Remedy(RemedyType.Exchange, null, "换一台新的"))),
            new(CaseStage.Resolution, "offer-sent", WorkflowEvents.CustomerResponse, new OfferResponse(true)),
            new(CaseStage.Execution, "execution-requested", WorkflowEvents.Execution, new ExecutionConfirmed(Owner, "R-2")),
            new(CaseStage.FollowUp, "survey-sent", WorkflowEvents.Survey, new SurveyAnswered(4, "好多了")),
        ],
        CaseOutcome.Resolved,
        ["reopened", "survey-answered", "archived"]);

    /// <summary>
    /// The owner does nothing until the investigation deadline has passed: reminders at 50 % and 80 %, the department
    /// manager escalated to at 100 % (the real engine waits it out in real time on ScenarioSettings' seconds spans, the
    /// harness walks its clock there), then findings and on to closure.
    /// </summary>
    public static readonly CaseScenario SlaRemindersAndEscalation = new(
        "sla-reminders-and-escalation",
        Submission("complaint", "product-quality"),
        [
            new(CaseStage.Investigation, "escalated", WorkflowEvents.Findings, Findings("late: supplier report awaited", new Remedy(RemedyType.Apology, null, "书面致歉"))),
            new(CaseStage.Resolution, "offer-sent", WorkflowEvents.CustomerResponse, new OfferResponse(true)),
            new(CaseStage.Execution, "execution-requested", WorkflowEvents.Execution, new ExecutionConfirmed(Owner, "AP-1")),
            new(CaseStage.FollowUp, "survey-sent", WorkflowEvents.Survey, new SurveyAnswered(3, "处理太慢")),
        ],
        CaseOutcome.Resolved,
        ["reminder-sent", "escalated", "findings", "executed", "archived"]);

    /// <summary>The department manager grants the special-case extension before any reminder; findings follow within it.</summary>
    public static readonly CaseScenario Extension = new(
        "extension",
        Submission("complaint", "product-quality"),
        [
            new(CaseStage.Investigation, "assessed", WorkflowEvents.Extend, new ExtensionGranted(Manager, "需第三方检测机构出具报告")),
            new(CaseStage.Investigation, "extended", WorkflowEvents.Findings, Findings("third-party test: thermostat fault", new Remedy(RemedyType.Repair, null, "免费维修"))),
            new(CaseStage.Resolution, "offer-sent", WorkflowEvents.CustomerResponse, new OfferResponse(true)),
            new(CaseStage.Execution, "execution-requested", WorkflowEvents.Execution, new ExecutionConfirmed(Owner, "R-88")),
            new(CaseStage.FollowUp, "survey-sent", WorkflowEvents.Survey, new SurveyAnswered(5)),
        ],
        CaseOutcome.Resolved,
        ["extended", "findings", "executed", "archived"]);

    public static IReadOnlyList<CaseScenario> All { get; } = [Approval, Inquiry, Suggestion, DeclinedThenRevised, Reopen, SlaRemindersAndEscalation, Extension];

    public static CaseScenario Named(string name) => All.Single(s => s.Name == name);

    public static ComplaintSubmission Submission(string kind, string category) => new()
    {
        Kind = kind,
        Category = category,
        Subject = "电饭煲使用两天后无法加热",
        Description = "11月20日在浦东店购买的电饭煲，使用两天后无法加热。",
        Customer = new CustomerSubmission { Name = "王芳", Email = "wang.fang@example.cn", Phone = "+86 138 0000 0000" },
        Location = "浦东店",
        Language = "zh-CN",
    };

    private static FindingsSubmitted Findings(string rootCause, Remedy remedy) => new(Owner, rootCause, ResponsibleParty.Company, "batch 2611 faulty", remedy);
}
