namespace ServerlessComplaints.Workflow.Api;

/// <summary>
/// A timeline entry as the customer sees it: the actor only by role, the entry's code (<see cref="Action"/>) and its
/// <see cref="Parameters"/> (staff ids replaced by the role <c>staff</c>), from which the status page renders the
/// sentence in the reader's language; <see cref="Detail"/> is the person's own words, or for an entry stored before
/// codes had parameters the text it was stored with.
/// </summary>
public sealed record PublicTimelineEntry(DateTime AtUtc, string Actor, string Action, string? Detail, IReadOnlyDictionary<string, string>? Parameters = null);
