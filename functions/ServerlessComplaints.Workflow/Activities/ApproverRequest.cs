namespace ServerlessComplaints.Workflow.Activities;

/// <summary>Who must approve a remedy of <paramref name="Amount"/> in a department.</summary>
public sealed record ApproverRequest(string DepartmentId, decimal? Amount);
