namespace ServerlessComplaints.Workflow.Lifecycle.Events;

/// <summary>An approver approves or rejects the proposed remedy.</summary>
public sealed record ApprovalDecision(string StaffId, bool Approved, string? Comment = null);
