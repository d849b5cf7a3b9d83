using ServerlessComplaints.Workflow.Assessment;
using ServerlessComplaints.Workflow.Domain;
using ServerlessComplaints.Workflow.Orchestration;

namespace ServerlessComplaints.Workflow.Activities;

/// <summary>
/// Applies the authority matrix: empty when the owner may decide alone, else the approver whose limit covers the
/// amount followed by each higher rung, to escalate to when a decision does not come in time.
/// </summary>
public sealed class AssignApprovers(StaffDirectory directory, AuthorityMatrix authority) : WorkflowActivity<ApproverRequest, IReadOnlyList<ApproverAssignment>>
{
    public override Task<IReadOnlyList<ApproverAssignment>> RunAsync(ApproverRequest input, CancellationToken cancellationToken)
    {
        var chain = new List<ApproverAssignment>();
        if (!authority.CanApprove(StaffRole.Staff, input.Amount))
        {
            for (StaffRole? role = authority.RequiredRole(input.Amount); role is { } r; role = AuthorityMatrix.NextRole(r))
            {
                chain.Add(new ApproverAssignment(r, directory.HolderOf(input.DepartmentId, r).Id));
            }
        }

        return Task.FromResult<IReadOnlyList<ApproverAssignment>>(chain);
    }
}
