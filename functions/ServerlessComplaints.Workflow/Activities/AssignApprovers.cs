using ServerlessComplaints.Workflow.Assessment;
using ServerlessComplaints.Workflow.Domain;
using ServerlessComplaints.Workflow.Orchestration;

namespace ServerlessComplaints.Workflow.Activities;

/// <summary>
/// Applies the authority matrix: empty when the proposer may decide alone, else the approver whose limit covers the
/// amount (and who ranks above the proposer) followed by each higher rung, to escalate to when a decision does not
/// come in time.
/// </summary>
public sealed class AssignApprovers(StaffDirectory directory, AuthorityMatrix authority) : WorkflowActivity<ApproverRequest, IReadOnlyList<ApproverAssignment>>
{
    public override Task<IReadOnlyList<ApproverAssignment>> RunAsync(ApproverRequest input, CancellationToken cancellationToken)
    {
        var chain = new List<ApproverAssignment>();
        var proposerRole = input.ProposerId is { } id ? directory.Find(id)?.Role ?? StaffRole.Staff : StaffRole.Staff;
        if (!authority.CanApprove(proposerRole, input.Amount))
        {
            var first = authority.RequiredRole(input.Amount);
            first = first > proposerRole ? first : AuthorityMatrix.NextRole(proposerRole) ?? StaffRole.CentreHead;
            for (StaffRole? role = first; role is { } r; role = AuthorityMatrix.NextRole(r))
            {
                chain.Add(new ApproverAssignment(r, directory.HolderOf(input.DepartmentId, r).Id));
            }
        }

        return Task.FromResult<IReadOnlyList<ApproverAssignment>>(chain);
    }
}
