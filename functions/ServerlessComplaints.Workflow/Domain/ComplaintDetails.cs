namespace ServerlessComplaints.Workflow.Domain;

/// <summary>A validated, normalised case as accepted at intake: the orchestration's starting data.</summary>
public sealed record ComplaintDetails(
    string TrackingNumber,
    ComplaintKind Kind,
    Category Category,
    Channel Channel,
    string Subject,
    string Description,
    Customer Customer,
    string Language,
    DateTime ReceivedAtUtc,
    string? Location = null,
    string? OrderReference = null,
    DateTimeOffset? OccurredAt = null,
    RemedyType? DesiredRemedy = null,
    IReadOnlyList<string>? EvidenceBlobNames = null,
    string? LoggedBy = null);
