using ServerlessComplaints.Workflow.Domain;
using ServerlessComplaints.Workflow.Lifecycle;
using ServerlessComplaints.Workflow.Lifecycle.Events;

namespace ServerlessComplaints.Workflow.Cases;

/// <summary>The stored case: what the customer sent plus everything the workflow has learned and decided since.</summary>
public sealed record ComplaintRecord(ComplaintDetails Details)
{
    public string TrackingNumber => Details.TrackingNumber;

    public CaseStage Stage { get; init; } = CaseStage.Intake;

    public Urgency Urgency { get; init; } = Urgency.Normal;

    public IReadOnlyList<string> AssessmentReasons { get; init; } = [];

    public string? DepartmentId { get; init; }

    public string? OwnerId { get; init; }

    /// <summary>The owners the case was reassigned away from, oldest first (see <see cref="Authorization.CaseSnapshot.PreviousOwners"/>).</summary>
    public IReadOnlyList<string> PreviousOwnerIds { get; init; } = [];

    public DateTime? DueAtUtc { get; init; }

    public int EscalationLevel { get; init; }

    public bool Extended { get; init; }

    public int ReopenCount { get; init; }

    public FindingsSubmitted? Findings { get; init; }

    public Remedy? Remedy { get; init; }

    /// <summary>The inquiry answer or the suggestion reply sent to the customer.</summary>
    public string? Reply { get; init; }

    public string? ExecutionReference { get; init; }

    /// <summary>
    /// When the case's SLA clock stopped: the first inquiry answer, suggestion reply or (complaints) offer sent to the
    /// customer; set once by <see cref="CaseProgress.ApplyTo"/>, never moved by a later answer or a reopen.
    /// </summary>
    public DateTime? RespondedAtUtc { get; init; }

    /// <summary>The deadline in force when the clock stopped (<see cref="DueAtUtc"/> at <see cref="RespondedAtUtc"/>).</summary>
    public DateTime? ResponseDueAtUtc { get; init; }

    public int? SurveyRating { get; init; }

    public string? SurveyComment { get; init; }

    public CaseOutcome? Outcome { get; init; }

    public DateTime? ClosedAtUtc { get; init; }

    public DateTime? RetainUntilUtc { get; init; }

    public bool LegalHold { get; init; }
}
