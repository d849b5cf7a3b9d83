namespace ServerlessComplaints.Workflow.Api;

/// <summary>A workflow action taken (202): the event is raised; <see cref="ApprovalRequired"/> when the amount goes to approval.</summary>
public sealed record StaffActionAccepted(string TrackingNumber, string Action, string AcceptedBy, bool ApprovalRequired);
