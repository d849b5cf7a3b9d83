namespace ServerlessComplaints.Workflow.Api;

/// <summary>What the customer may see of a case: no internal notes, no staff names, no other customer's data.</summary>
public sealed record PublicCaseView(
    string TrackingNumber,
    string Kind,
    string Category,
    string Subject,
    string Language,
    string Stage,
    DateTime ReceivedAtUtc,
    DateTime? DueAtUtc,
    string? Outcome,
    DateTime? ClosedAtUtc,
    IReadOnlyList<PublicTimelineEntry> Timeline);
