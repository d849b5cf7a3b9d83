using ServerlessComplaints.Workflow.Assessment;
using ServerlessComplaints.Workflow.Authorization;
using ServerlessComplaints.Workflow.Domain;
using ServerlessComplaints.Workflow.Lifecycle;
using ServerlessComplaints.Workflow.Lifecycle.Events;
using ServerlessComplaints.Workflow.Orchestration;

namespace ServerlessComplaints.Workflow.Tests.Authorization;

public class CaseAuthorizationTests
{
    private static readonly StaffDirectory Directory = new(StaffDirectoryOptions.Sample());

    private static readonly CaseAuthorization Decision = new(Directory, new AuthorityMatrix(new AuthorityOptions { StaffLimit = 200m, SupervisorLimit = 1000m, ManagerLimit = 5000m }));

    public static TheoryData<int, int> Cells()
    {
        var data = new TheoryData<int, int>();
        for (var row = 0; row < AuthorizationTable.Rows.Length; row++)
        {
            for (var actor = 0; actor < AuthorizationTable.Actors.Length; actor++)
            {
                data.Add(row, actor);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public void Decide_EveryCellOfTheTable_GivesTheExpectedAnswer(int row, int actor)
    {
        var cell = AuthorizationTable.Rows[row];
        var actorId = AuthorizationTable.Actors[actor];

        var decision = Decision.Decide(Actor(actorId), cell.Action, cell.Snapshot(), cell.Amount);

        var expected = cell.AnswerList()[actor];
        Assert.True(expected == Answer(decision),
            $"{cell.Action} {cell.AmountCase} {(cell.ExpectedNow ? "now" : "not now")} by {actorId}: expected {expected}, got {Answer(decision)} ({decision.Reason})");
    }

    [Fact]
    public void Table_EveryActionHasCellsForNowAndNotNow_AndEveryRowAnAnswerPerActor()
    {
        var rows = AuthorizationTable.Rows;

        Assert.All(rows, r => Assert.Equal(AuthorizationTable.Actors.Length, r.AnswerList().Length));
        Assert.Equal(Enum.GetValues<CaseAction>().Order(), rows.Select(r => r.Action).Distinct().Order());
        // A legal hold and a note are never "not now" (a note is taken also on a closed case).
        Assert.All(Enum.GetValues<CaseAction>().Where(a => a is not (CaseAction.LegalHold or CaseAction.Note)), a => Assert.Contains(rows, r => r.Action == a && !r.ExpectedNow));
        Assert.All(Enum.GetValues<CaseAction>().Where(a => CaseActions.Of(a).Money != MoneyRule.None), a =>
        {
            Assert.Contains(rows, r => r.Action == a && r.AmountCase == "within");
            Assert.Contains(rows, r => r.Action == a && r.AmountCase == "above");
        });
    }

    [Fact]
    public void Decide_LinkForAnEarlierRound_IsNotNow()
    {
        var snapshot = new CaseSnapshot(ComplaintKind.Complaint, "quality", "zhang.wei", CaseStage.Resolution, WorkflowRuntimeStatus.Running,
            [new CaseExpectation(WorkflowEvents.CustomerResponse, "CustomerResponse-2", "customer")]);

        var stale = Decision.Decide(CaseActor.Customer, CaseAction.CustomerResponse, snapshot, linkRound: "CustomerResponse-1");
        var current = Decision.Decide(CaseActor.Customer, CaseAction.CustomerResponse, snapshot, linkRound: "CustomerResponse-2");

        Assert.Equal(AuthorizationVerdict.NotNow, stale.Verdict);
        Assert.True(current.IsAllowed);
        Assert.Equal("CustomerResponse-2", current.Expectation!.Round);
    }

    [Fact]
    public void Decide_CaseWithoutPublishedExpectations_FallsBackToItsStage()
    {
        var legacy = new CaseSnapshot(ComplaintKind.Complaint, "quality", "zhang.wei", CaseStage.Execution, WorkflowRuntimeStatus.Running, Expecting: null);

        var execute = Decision.Decide(Actor("zhang.wei"), CaseAction.Execute, legacy);
        var findings = Decision.Decide(Actor("zhang.wei"), CaseAction.Findings, legacy, 100m);
        var otherDepartment = Decision.Decide(Actor("liu.yang"), CaseAction.Execute, legacy);

        Assert.True(execute.IsAllowed);
        Assert.Equal(AuthorizationVerdict.NotNow, findings.Verdict);
        Assert.Equal(AuthorizationVerdict.Forbidden, otherDepartment.Verdict);
    }

    [Fact]
    public void Decide_ReassignedCase_TheNewOwnersChainActsAndTheOldDepartmentDoesNot()
    {
        // A quality case reassigned to liu.yang (service): the service chain acts, the quality supervisor no longer does.
        var snapshot = new CaseSnapshot(ComplaintKind.Complaint, "quality", "liu.yang", CaseStage.Execution, WorkflowRuntimeStatus.Running,
            [new CaseExpectation(WorkflowEvents.Execution, "Execution-1", "liu.yang")]);

        Assert.True(Decision.Decide(Actor("liu.yang"), CaseAction.Execute, snapshot).IsAllowed);
        Assert.True(Decision.Decide(Actor("chen.jing"), CaseAction.Execute, snapshot).IsAllowed);
        Assert.Equal(AuthorizationVerdict.Forbidden, Decision.Decide(Actor("wang.lei"), CaseAction.Execute, snapshot).Verdict);
    }

    [Fact]
    public void Decide_ClosedCase_CannotBeTerminatedOrRetried()
    {
        var closed = new CaseSnapshot(ComplaintKind.Complaint, "quality", "zhang.wei", CaseStage.Failed, WorkflowRuntimeStatus.Failed, [], Closed: true);

        Assert.Equal(AuthorizationVerdict.NotNow, Decision.Decide(Actor("li.na"), CaseAction.Retry, closed).Verdict);
        Assert.Equal(AuthorizationVerdict.NotNow, Decision.Decide(Actor("li.na"), CaseAction.Terminate, closed).Verdict);
    }

    private static CaseActor Actor(string id) => id == "customer" ? CaseActor.Customer : CaseActor.Of(Directory.Get(id));

    private static string Answer(AuthorizationDecision decision) => decision.Verdict switch
    {
        AuthorizationVerdict.Allowed => decision.NeedsApproval ? "ok+approval" : "ok",
        AuthorizationVerdict.Forbidden => "403",
        _ => "409",
    };
}
