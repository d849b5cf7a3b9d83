namespace ServerlessComplaints.Workflow.Cases;

/// <summary>
/// One state change of a case: who, when, what. <see cref="EntryId"/> is deterministic, so a retried activity
/// never writes an entry twice; <see cref="IsPublic"/> entries are shown to the customer. <see cref="Action"/> is the
/// entry's code (<see cref="TimelineCodes"/>) and <see cref="Parameters"/> what its sentence needs
/// (<see cref="TimelineParameters"/>), rendered in the reader's language by <see cref="Localization.TimelineText"/>;
/// <see cref="Detail"/> is a plain English line for logs and tools. Entries stored before parameters existed have
/// none, and render from their code and detail.
/// </summary>
public sealed record TimelineEntry(
    string TrackingNumber, string EntryId, DateTime AtUtc, string Actor, string Action, string? Detail, bool IsPublic,
    IReadOnlyDictionary<string, string>? Parameters = null);
