using ServerlessComplaints.Workflow.Assessment;
using ServerlessComplaints.Workflow.Authorization;
using ServerlessComplaints.Workflow.Domain;
using ServerlessComplaints.Workflow.Lifecycle;
using ServerlessComplaints.Workflow.Lifecycle.Events;
using ServerlessComplaints.Workflow.Orchestration;

namespace ServerlessComplaints.Workflow.Tests.Authorization;

/// <summary>
/// Reassignment in the one decision: who may hand a quality case (owner zhang.wei) to whom, and whose the steps the
/// orchestration still assigns to the old people are after it; the reasons' codes and values for the pages.
/// </summary>
public class CaseReassignmentDecisionTests
{
    private static readonly StaffDirectory Directory = new(StaffDirectoryOptions.Sample());

    private static readonly CaseAuthorization Decision = new(Directory, new AuthorityMatrix(new AuthorityOptions { StaffLimit = 200m, SupervisorLimit = 1000m, ManagerLimit = 5000m }));

    private static readonly CaseSnapshot Quality = new(ComplaintKind.Complaint, "quality", "zhang.wei", CaseStage.Investigation, WorkflowRuntimeStatus.Running,
        [new CaseExpectation(WorkflowEvents.Findings, "findings-1", "zhang.wei")]);

    [Theory]
    [InlineData("wang.lei", "li.na", "ok")]
    [InlineData("wang.lei", "liu.yang", DecisionCodes.ReassignAcross)]
    [InlineData("li.na", "liu.yang", "ok")]
    [InlineData("li.na", "wang.lei", "ok")]
    [InlineData("gao.feng", "zhao.min", "ok")]
    [InlineData("zhang.wei", "wang.lei", DecisionCodes.NeedsRole)]
    [InlineData("chen.jing", "liu.yang", DecisionCodes.NotInChain)]
    [InlineData("yang.lei", "liu.yang", DecisionCodes.NotInChain)]
    public void Decide_ReassignTo_SupervisorWithinDepartmentManagerAcross(string actor, string newOwner, string expected)
    {
        var decision = Decision.Decide(Actor(actor), CaseAction.Reassign, Quality, newOwner: Directory.Get(newOwner));

        Assert.Equal(expected, decision.IsAllowed ? "ok" : decision.Code);
        Assert.Equal(decision.IsAllowed ? 200 : 403, decision.StatusCode);
    }

    [Fact]
    public void Decide_ReassignBeforeAssessment_NotNow()
    {
        var unassessed = Quality with { OwnerId = null, DepartmentId = null, Stage = CaseStage.Intake, Expecting = [] };

        var decision = Decision.Decide(Actor("gao.feng"), CaseAction.Reassign, unassessed);

        Assert.Equal(AuthorizationVerdict.NotNow, decision.Verdict);
        Assert.Equal(DecisionCodes.NotExpected, decision.Code);
    }

    [Fact]
    public void Decide_ReassignedWithinDepartment_NewOwnerTakesTheOldOwnersStep_OldOwnerRefused()
    {
        // zhang.wei → wang.lei: the orchestration still waits for findings from zhang.wei.
        var reassigned = Quality with { OwnerId = "wang.lei", PreviousOwners = ["zhang.wei"] };

        Assert.True(Decision.Decide(Actor("wang.lei"), CaseAction.Findings, reassigned, 100m).IsAllowed);
        Assert.True(Decision.Decide(Actor("li.na"), CaseAction.Findings, reassigned, 100m).IsAllowed);
        var old = Decision.Decide(Actor("zhang.wei"), CaseAction.Findings, reassigned, 100m);
        Assert.Equal(DecisionCodes.NotInChain, old.Code);
    }

    [Fact]
    public void Decide_ReassignedToStaffOfTheSameRank_ByTheMapping_NotByRank()
    {
        // Without the mapping, liu.yang (staff) could not take a step assigned to zhang.wei (staff): not above them.
        var reassigned = Quality with { DepartmentId = "service", OwnerId = "liu.yang", PreviousOwners = ["zhang.wei"] };
        var notMapped = reassigned with { PreviousOwners = null };

        Assert.True(Decision.Decide(Actor("liu.yang"), CaseAction.Findings, reassigned, 100m).IsAllowed);
        Assert.Equal(DecisionCodes.AssignedTo, Decision.Decide(Actor("liu.yang"), CaseAction.Findings, notMapped, 100m).Code);
    }

    [Fact]
    public void Decide_ReassignedAcrossDepartments_TheNewDepartmentsRolesTakeTheOldOnesSteps()
    {
        var moved = new CaseSnapshot(ComplaintKind.Complaint, "service", "liu.yang", CaseStage.Approval, WorkflowRuntimeStatus.Running,
            [new CaseExpectation(WorkflowEvents.Approval, "approval-1", "wang.lei", 599m), new CaseExpectation(WorkflowEvents.Extend, "extend-1", "li.na")],
            PreviousOwners: ["zhang.wei"]);

        Assert.True(Decision.Decide(Actor("chen.jing"), CaseAction.Approve, moved).IsAllowed);
        Assert.True(Decision.Decide(Actor("yang.lei"), CaseAction.Extend, moved).IsAllowed);
        Assert.Equal(DecisionCodes.NotInChain, Decision.Decide(Actor("wang.lei"), CaseAction.Approve, moved).Code);
        Assert.Equal(DecisionCodes.NotInChain, Decision.Decide(Actor("li.na"), CaseAction.Extend, moved).Code);
        Assert.Equal(DecisionCodes.NeedsRole, Decision.Decide(Actor("liu.yang"), CaseAction.Approve, moved).Code);
        Assert.Equal("chen.jing", Decision.AssigneeNow(moved.Expecting![0], moved));
    }

    [Fact]
    public void Decide_ApprovalAssignedToAPreviousOwner_StaysWithThem()
    {
        // wang.lei owned the case, handed it to zhang.wei, and is the approver of zhang.wei's proposal: still theirs.
        var snapshot = new CaseSnapshot(ComplaintKind.Complaint, "quality", "zhang.wei", CaseStage.Approval, WorkflowRuntimeStatus.Running,
            [new CaseExpectation(WorkflowEvents.Approval, "approval-1", "wang.lei", 599m)], PreviousOwners: ["wang.lei"]);

        Assert.Equal("wang.lei", Decision.AssigneeNow(snapshot.Expecting![0], snapshot));
        Assert.True(Decision.Decide(Actor("wang.lei"), CaseAction.Approve, snapshot).IsAllowed);
    }

    [Fact]
    public void Decide_ApproverAboveTheirLimit_SaysWhoIsNeededWithAmountAndLimit()
    {
        var snapshot = Quality with { Stage = CaseStage.Approval, Expecting = [new CaseExpectation(WorkflowEvents.Approval, "approval-1", "li.na", 3000m)] };

        var decision = Decision.Decide(Actor("wang.lei"), CaseAction.Approve, snapshot);

        Assert.Equal(AuthorizationVerdict.Forbidden, decision.Verdict);
        Assert.Equal(DecisionCodes.AboveLimit, decision.Code);
        Assert.Equal("3000.00", decision.Values[DecisionCodes.Amount]);
        Assert.Equal("1000.00", decision.Values[DecisionCodes.Limit]);
        Assert.Equal("manager", decision.Values[DecisionCodes.Role]);
        Assert.Contains("above your authority limit", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_ProposalAboveTheLimit_AllowedWithGoesToApprovalAndTheLimit()
    {
        var decision = Decision.Decide(Actor("zhang.wei"), CaseAction.Findings, Quality, 599m);

        Assert.True(decision.NeedsApproval);
        Assert.Equal(DecisionCodes.GoesToApproval, decision.Code);
        Assert.Equal("200.00", decision.Values[DecisionCodes.Limit]);
    }

    [Fact]
    public void AccessOf_ChainActs_DepartmentReads_OthersNothing()
    {
        Assert.Equal(CaseAccess.Act, Decision.AccessOf(Directory.Get("zhang.wei"), Quality));
        Assert.Equal(CaseAccess.Act, Decision.AccessOf(Directory.Get("gao.feng"), Quality));
        Assert.Equal(CaseAccess.Read, Decision.AccessOf(Directory.Get("zhang.wei"), Quality with { OwnerId = "wang.lei", PreviousOwners = ["zhang.wei"] }));
        Assert.Equal(CaseAccess.None, Decision.AccessOf(Directory.Get("liu.yang"), Quality));
        Assert.Equal(CaseAccess.None, Decision.AccessOf(Directory.Get("yang.lei"), Quality));
    }

    [Fact]
    public void EveryRefusal_HasACodeFromTheList()
    {
        var codes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in AuthorizationTable.Rows)
        {
            foreach (var actor in AuthorizationTable.Actors)
            {
                codes.Add(Decision.Decide(Actor(actor), row.Action, row.Snapshot(), row.Amount).Code);
            }
        }

        Assert.All(codes, c => Assert.Contains(c, DecisionCodes.All));
    }

    private static CaseActor Actor(string id) => id == "customer" ? CaseActor.Customer : CaseActor.Of(Directory.Get(id));
}
