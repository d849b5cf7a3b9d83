namespace ServerlessComplaints.Workflow.Api;

/// <summary>A timeline entry as the customer sees it: the actor only by role.</summary>
public sealed record PublicTimelineEntry(DateTime AtUtc, string Actor, string Action, string? Detail);
