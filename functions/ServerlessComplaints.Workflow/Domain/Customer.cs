namespace ServerlessComplaints.Workflow.Domain;

/// <summary>The person who raised the case. Email or phone is needed to reach them.</summary>
public sealed record Customer(string Name, string? Email, string? Phone);
