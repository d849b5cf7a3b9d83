namespace ServerlessComplaints.Workflow.Assessment;

/// <summary>A department cases are routed to, with the staff ids of its case owner, supervisor and manager.</summary>
public sealed record Department(string Id, string NameZh, string NameEn, string OwnerId, string SupervisorId, string ManagerId);
