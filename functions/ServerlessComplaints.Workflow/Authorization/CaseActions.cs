using ServerlessComplaints.Workflow.Domain;
using ServerlessComplaints.Workflow.Lifecycle;
using ServerlessComplaints.Workflow.Lifecycle.Events;

namespace ServerlessComplaints.Workflow.Authorization;

/// <summary>The rule of every case action, by action and by wire name, and the event behind each action link.</summary>
public static class CaseActions
{
    private static readonly ComplaintKind[] AllKinds = [ComplaintKind.Complaint, ComplaintKind.Inquiry, ComplaintKind.Suggestion];
    private static readonly ComplaintKind[] Complaints = [ComplaintKind.Complaint];

    public static readonly IReadOnlyList<CaseActionRule> Rules =
    [
        new(CaseAction.Findings, "findings", StaffRole.Staff, WorkflowEvents.Findings, Complaints, MoneyRule.Proposes, false, [CaseStage.Investigation]),
        new(CaseAction.Answer, "answer", StaffRole.Staff, WorkflowEvents.Answer, [ComplaintKind.Inquiry], MoneyRule.None, false, [CaseStage.Investigation]),
        new(CaseAction.Review, "review", StaffRole.Staff, WorkflowEvents.Review, [ComplaintKind.Suggestion], MoneyRule.None, false, [CaseStage.Investigation]),
        new(CaseAction.Extend, "extend", StaffRole.Manager, WorkflowEvents.Extend, Complaints, MoneyRule.None, false, [CaseStage.Investigation]),
        new(CaseAction.Approve, "approve", StaffRole.Supervisor, WorkflowEvents.Approval, Complaints, MoneyRule.Approves, false, [CaseStage.Approval]),
        new(CaseAction.Reject, "reject", StaffRole.Supervisor, WorkflowEvents.Approval, Complaints, MoneyRule.None, false, [CaseStage.Approval]),
        new(CaseAction.Offer, "offer", StaffRole.Staff, WorkflowEvents.Offer, Complaints, MoneyRule.Proposes, false, [CaseStage.Resolution]),
        new(CaseAction.CustomerResponse, "customer-response", StaffRole.Staff, WorkflowEvents.CustomerResponse, Complaints, MoneyRule.None, true, [CaseStage.Resolution]),
        new(CaseAction.Execute, "execute", StaffRole.Staff, WorkflowEvents.Execution, Complaints, MoneyRule.None, false, [CaseStage.Execution]),
        new(CaseAction.Survey, "survey", StaffRole.Staff, WorkflowEvents.Survey, AllKinds, MoneyRule.None, true, [CaseStage.FollowUp]),
        new(CaseAction.LegalHold, "legal-hold", StaffRole.Manager, null, AllKinds, MoneyRule.None, false, []),
        new(CaseAction.Terminate, "terminate", StaffRole.Manager, null, AllKinds, MoneyRule.None, false, []),
        new(CaseAction.Retry, "retry", StaffRole.Manager, null, AllKinds, MoneyRule.None, false, []),
        new(CaseAction.CustomerMessage, "customer-message", StaffRole.CentreHead, null, AllKinds, MoneyRule.None, true, [], CustomerOnly: true),
        new(CaseAction.EscalationRequest, "escalation-request", StaffRole.CentreHead, null, AllKinds, MoneyRule.None, true, [], CustomerOnly: true),
        new(CaseAction.Withdraw, "withdraw", StaffRole.CentreHead, null, AllKinds, MoneyRule.None, true, [], CustomerOnly: true),
        new(CaseAction.Note, "note", StaffRole.Staff, null, AllKinds, MoneyRule.None, false, []),
        new(CaseAction.Reassign, "reassign", StaffRole.Supervisor, null, AllKinds, MoneyRule.None, false, []),
    ];

    /// <summary>The customer's recourse from the status page, in the order the page offers it.</summary>
    public static readonly IReadOnlyList<CaseAction> Recourse = [CaseAction.CustomerMessage, CaseAction.EscalationRequest, CaseAction.Withdraw];

    private static readonly Dictionary<CaseAction, CaseActionRule> ByAction = Rules.ToDictionary(r => r.Action);
    private static readonly Dictionary<string, CaseActionRule> ByWireName = Rules.ToDictionary(r => r.WireName, StringComparer.Ordinal);

    /// <summary>The actions an emailed link can carry; "approval" lets the approver choose approve or reject on the page.</summary>
    public static readonly IReadOnlyList<string> LinkActions = Authorization.LinkActions.All;

    public static CaseActionRule Of(CaseAction action) => ByAction[action];

    public static CaseActionRule? Find(string? wireName) => wireName is not null && ByWireName.TryGetValue(wireName, out var rule) ? rule : null;

    /// <summary>The event a link's action answers.</summary>
    /// <exception cref="ArgumentException">Not a link action.</exception>
    public static string EventOfLink(string linkAction) => linkAction == Authorization.LinkActions.Approval
        ? WorkflowEvents.Approval
        : Find(linkAction)?.EventName ?? throw new ArgumentException($"'{linkAction}' is not a link action.", nameof(linkAction));
}
