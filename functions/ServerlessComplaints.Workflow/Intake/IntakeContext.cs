using ServerlessComplaints.Workflow.Domain;

namespace ServerlessComplaints.Workflow.Intake;

/// <summary>What the host knows about a submission besides its body: channel, tracking number, time, headers, evidence.</summary>
public sealed record IntakeContext(
    Channel Channel,
    string TrackingNumber,
    DateTime ReceivedAtUtc,
    string? AcceptLanguage = null,
    string? LoggedBy = null,
    IReadOnlyList<string>? EvidenceBlobNames = null);
