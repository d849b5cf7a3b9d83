using System.Text.Json.Serialization;
using ServerlessComplaints.Workflow.Domain;
using ServerlessComplaints.Workflow.Lifecycle;

namespace ServerlessComplaints.Workflow.Api;

/// <summary>What the customer may see of a case: no internal notes, no staff names, no other customer's data.</summary>
public sealed record PublicCaseView(
    string TrackingNumber,
    string Kind,
    string Category,
    string Subject,
    string Language,
    CaseStage Stage,
    DateTime ReceivedAtUtc,
    DateTime? DueAtUtc,
    CaseOutcome? Outcome,
    DateTime? ClosedAtUtc,
    IReadOnlyList<PublicTimelineEntry> Timeline)
{
    /// <summary>The kind as a code, for pages that phrase the promised response time (not part of the API body).</summary>
    [JsonIgnore]
    public ComplaintKind KindCode { get; init; }

    /// <summary>Where the acknowledgement went, for the confirmation page only (never part of the API body).</summary>
    [JsonIgnore]
    public string? CustomerEmail { get; init; }

    /// <summary>The clock that applies now (none after closure), for the status page.</summary>
    [JsonIgnore]
    public CurrentDeadline? Deadline { get; init; }

    /// <summary>The names of the case's evidence files, for the status page.</summary>
    [JsonIgnore]
    public IReadOnlyList<string> EvidenceNames { get; init; } = [];
}
