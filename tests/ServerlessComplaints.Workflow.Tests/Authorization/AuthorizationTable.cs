using ServerlessComplaints.Workflow.Authorization;
using ServerlessComplaints.Workflow.Domain;
using ServerlessComplaints.Workflow.Lifecycle;
using ServerlessComplaints.Workflow.Lifecycle.Events;
using ServerlessComplaints.Workflow.Orchestration;

namespace ServerlessComplaints.Workflow.Tests.Authorization;

/// <summary>
/// The expected answer of every cell: action × actor × amount (within / above / n/a) × expected now or not. A quality
/// case (owner zhang.wei, supervisor wang.lei, manager li.na), limits staff 200, supervisor 1,000, manager 5,000.
/// Answers: ok, ok+approval (allowed, the amount goes to approval), 403, 409.
/// </summary>
internal static class AuthorizationTable
{
    /// <summary>Columns of every row, in order.</summary>
    public static readonly string[] Actors = ["zhang.wei", "wang.lei", "li.na", "liu.yang", "chen.jing", "yang.lei", "gao.feng", "customer"];

    public static readonly Row[] Rows =
    [
        //  action                      amount       now?   expectation (assignee, amount)               owner  sup   mgr  o-staff o-sup o-mgr head  customer
        new(CaseAction.Findings, "within", 150m, true, Expect(WorkflowEvents.Findings, "zhang.wei"), "ok ok ok 403 403 403 ok 403"),
        new(CaseAction.Findings, "above", 3000m, true, Expect(WorkflowEvents.Findings, "zhang.wei"), "ok+approval ok+approval ok 403 403 403 ok 403"),
        new(CaseAction.Findings, "within", 150m, false, null, "409 409 409 403 403 403 409 403"),
        new(CaseAction.Answer, "n/a", null, true, Expect(WorkflowEvents.Answer, "zhang.wei"), "ok ok ok 403 403 403 ok 403", ComplaintKind.Inquiry),
        new(CaseAction.Answer, "n/a", null, false, null, "409 409 409 403 403 403 409 403", ComplaintKind.Inquiry),
        new(CaseAction.Review, "n/a", null, true, Expect(WorkflowEvents.Review, "zhang.wei"), "ok ok ok 403 403 403 ok 403", ComplaintKind.Suggestion),
        new(CaseAction.Review, "n/a", null, false, null, "409 409 409 403 403 403 409 403", ComplaintKind.Suggestion),
        new(CaseAction.Extend, "n/a", null, true, Expect(WorkflowEvents.Extend, "li.na"), "403 403 ok 403 403 403 ok 403"),
        new(CaseAction.Extend, "n/a", null, false, null, "403 403 409 403 403 403 409 403"),
        new(CaseAction.Approve, "within", null, true, Expect(WorkflowEvents.Approval, "wang.lei", 599m), "403 ok ok 403 403 403 ok 403"),
        new(CaseAction.Approve, "above", null, true, Expect(WorkflowEvents.Approval, "wang.lei", 3000m), "403 403 ok 403 403 403 ok 403"),
        new(CaseAction.Approve, "above", null, true, Expect(WorkflowEvents.Approval, "li.na", 3000m), "403 403 ok 403 403 403 ok 403"),
        new(CaseAction.Approve, "within", null, false, null, "403 409 409 403 403 403 409 403"),
        new(CaseAction.Reject, "n/a", null, true, Expect(WorkflowEvents.Approval, "wang.lei", 3000m), "403 ok ok 403 403 403 ok 403"),
        new(CaseAction.Reject, "n/a", null, true, Expect(WorkflowEvents.Approval, "li.na", 3000m), "403 403 ok 403 403 403 ok 403"),
        new(CaseAction.Reject, "n/a", null, false, null, "403 409 409 403 403 403 409 403"),
        new(CaseAction.Offer, "within", 150m, true, Expect(WorkflowEvents.Offer, "zhang.wei"), "ok ok ok 403 403 403 ok 403"),
        new(CaseAction.Offer, "above", 3000m, true, Expect(WorkflowEvents.Offer, "zhang.wei"), "ok+approval ok+approval ok 403 403 403 ok 403"),
        new(CaseAction.Offer, "within", 150m, false, null, "409 409 409 403 403 403 409 403"),
        // The manager's final offer after the negotiation rounds: assigned to the manager.
        new(CaseAction.Offer, "within", 150m, true, Expect(WorkflowEvents.Offer, "li.na"), "403 403 ok 403 403 403 ok 403"),
        new(CaseAction.Offer, "above", 888_888m, true, Expect(WorkflowEvents.Offer, "li.na"), "403 403 ok+approval 403 403 403 ok 403"),
        new(CaseAction.CustomerResponse, "n/a", null, true, Expect(WorkflowEvents.CustomerResponse, "customer"), "ok ok ok 403 403 403 ok ok"),
        new(CaseAction.CustomerResponse, "n/a", null, false, null, "409 409 409 403 403 403 409 409"),
        new(CaseAction.Execute, "n/a", null, true, Expect(WorkflowEvents.Execution, "zhang.wei"), "ok ok ok 403 403 403 ok 403"),
        new(CaseAction.Execute, "n/a", null, false, null, "409 409 409 403 403 403 409 403"),
        new(CaseAction.Survey, "n/a", null, true, Expect(WorkflowEvents.Survey, "customer"), "ok ok ok 403 403 403 ok ok"),
        new(CaseAction.Survey, "n/a", null, false, null, "409 409 409 403 403 403 409 409"),
        new(CaseAction.LegalHold, "n/a", null, true, null, "403 403 ok 403 403 403 ok 403"),
        new(CaseAction.Terminate, "n/a", null, true, null, "403 403 ok 403 403 403 ok 403"),
        new(CaseAction.Terminate, "n/a", null, false, null, "403 403 409 403 403 403 409 403", Runtime: WorkflowRuntimeStatus.Completed),
        new(CaseAction.Retry, "n/a", null, true, null, "403 403 ok 403 403 403 ok 403", Runtime: WorkflowRuntimeStatus.Failed),
        new(CaseAction.Retry, "n/a", null, false, null, "403 403 409 403 403 403 409 403"),
        // The customer's recourse from the status page: the customer's own steps, while the case accepts them.
        new(CaseAction.CustomerMessage, "n/a", null, true, null, "403 403 403 403 403 403 403 ok"),
        new(CaseAction.CustomerMessage, "n/a", null, false, null, "403 403 403 403 403 403 403 409", Closed: true, Stage: CaseStage.Archived),
        new(CaseAction.EscalationRequest, "n/a", null, true, null, "403 403 403 403 403 403 403 ok"),
        new(CaseAction.EscalationRequest, "n/a", null, false, null, "403 403 403 403 403 403 403 409", Closed: true, Stage: CaseStage.Closed),
        new(CaseAction.Withdraw, "n/a", null, true, null, "403 403 403 403 403 403 403 ok"),
        new(CaseAction.Withdraw, "n/a", null, false, null, "403 403 403 403 403 403 403 409", Stage: CaseStage.Execution),
        new(CaseAction.Withdraw, "n/a", null, false, null, "403 403 403 403 403 403 403 409", Closed: true, Stage: CaseStage.Archived, Runtime: WorkflowRuntimeStatus.Terminated),
        // Staff steps on the record: a note by anyone in the chain, also once the case is closed; reassign from supervisor up while open.
        new(CaseAction.Note, "n/a", null, true, null, "ok ok ok 403 403 403 ok 403"),
        new(CaseAction.Note, "n/a", null, true, null, "ok ok ok 403 403 403 ok 403", Closed: true, Stage: CaseStage.Archived, Runtime: WorkflowRuntimeStatus.Completed),
        new(CaseAction.Reassign, "n/a", null, true, null, "403 ok ok 403 403 403 ok 403"),
        new(CaseAction.Reassign, "n/a", null, false, null, "403 409 409 403 403 403 409 403", Closed: true, Stage: CaseStage.Closed, Runtime: WorkflowRuntimeStatus.Completed),
    ];

    private static CaseExpectation Expect(string eventName, string assignee, decimal? amount = null) => new(eventName, eventName + "-1", assignee, amount);

    /// <summary>One row: the case waits for <see cref="Expectation"/> (or for nothing of this action), answers per actor.</summary>
    public sealed record Row(
        CaseAction Action,
        string AmountCase,
        decimal? Amount,
        bool ExpectedNow,
        CaseExpectation? Expectation,
        string Answers,
        ComplaintKind Kind = ComplaintKind.Complaint,
        WorkflowRuntimeStatus Runtime = WorkflowRuntimeStatus.Running,
        bool Closed = false,
        CaseStage Stage = CaseStage.Investigation)
    {
        public CaseSnapshot Snapshot() =>
            new(Kind, "quality", "zhang.wei", Stage, Runtime, Expectation is null ? [] : [Expectation], Closed);

        public string[] AnswerList() => Answers.Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }
}
