namespace ServerlessComplaints.Workflow.Cases;

/// <summary>
/// One state change of a case: who, when, what. <see cref="EntryId"/> is deterministic, so a retried activity
/// never writes an entry twice; <see cref="IsPublic"/> entries are shown to the customer.
/// </summary>
public sealed record TimelineEntry(string TrackingNumber, string EntryId, DateTime AtUtc, string Actor, string Action, string? Detail, bool IsPublic);
