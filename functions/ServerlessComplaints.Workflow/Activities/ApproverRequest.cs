namespace ServerlessComplaints.Workflow.Activities;

/// <summary>Who must approve a remedy of <paramref name="Amount"/> in a department, proposed by <see cref="ProposerId"/>.</summary>
public sealed record ApproverRequest(string DepartmentId, decimal? Amount)
{
    /// <summary>The staff member who proposed the remedy; null (workflow version 1) counts as a staff-level owner.</summary>
    public string? ProposerId { get; init; }
}
