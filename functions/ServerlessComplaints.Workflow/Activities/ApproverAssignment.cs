using ServerlessComplaints.Workflow.Domain;

namespace ServerlessComplaints.Workflow.Activities;

/// <summary>One rung of an approval chain: the role and the person holding it.</summary>
public sealed record ApproverAssignment(StaffRole Role, string StaffId);
