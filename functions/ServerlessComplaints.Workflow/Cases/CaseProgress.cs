using ServerlessComplaints.Workflow.Domain;
using ServerlessComplaints.Workflow.Lifecycle;
using ServerlessComplaints.Workflow.Lifecycle.Events;

namespace ServerlessComplaints.Workflow.Cases;

/// <summary>A timeline entry and the record fields that change with it; null fields stay as they are.</summary>
public sealed record CaseProgress(string TrackingNumber, string EntryId, DateTime AtUtc, string Actor, string Action, string? Detail = null, bool IsPublic = true)
{
    public CaseStage? Stage { get; init; }

    /// <summary>The timeline entry's parameters (see <see cref="TimelineParameters"/>).</summary>
    public IReadOnlyDictionary<string, string>? Parameters { get; init; }

    public DateTime? DueAtUtc { get; init; }

    public int? EscalationLevel { get; init; }

    public string? OwnerId { get; init; }

    public Urgency? Urgency { get; init; }

    public bool? Extended { get; init; }

    public int? ReopenCount { get; init; }

    public FindingsSubmitted? Findings { get; init; }

    public Remedy? Remedy { get; init; }

    public string? Reply { get; init; }

    public string? ExecutionReference { get; init; }

    public int? SurveyRating { get; init; }

    public string? SurveyComment { get; init; }

    public CaseOutcome? Outcome { get; init; }

    /// <summary>The timeline codes that stop a case's SLA clock: the customer has their answer, reply or offer.</summary>
    public static readonly IReadOnlySet<string> ClockStoppers = new HashSet<string>(StringComparer.Ordinal)
    {
        TimelineCodes.Answered, TimelineCodes.SuggestionAdopted, TimelineCodes.SuggestionNotAdopted, TimelineCodes.OfferSent,
    };

    public ComplaintRecord ApplyTo(ComplaintRecord record) => StopClock(record) with
    {
        Stage = Stage ?? record.Stage,
        DueAtUtc = DueAtUtc ?? record.DueAtUtc,
        EscalationLevel = EscalationLevel ?? record.EscalationLevel,
        OwnerId = OwnerId ?? record.OwnerId,
        Urgency = Urgency ?? record.Urgency,
        Extended = Extended ?? record.Extended,
        ReopenCount = ReopenCount ?? record.ReopenCount,
        Findings = Findings ?? record.Findings,
        Remedy = Remedy ?? record.Remedy,
        Reply = Reply ?? record.Reply,
        ExecutionReference = ExecutionReference ?? record.ExecutionReference,
        SurveyRating = SurveyRating ?? record.SurveyRating,
        SurveyComment = SurveyComment ?? record.SurveyComment,
        Outcome = Outcome ?? record.Outcome,
    };

    // The first answer, reply or offer stops the clock against the deadline then in force; later ones change nothing.
    private ComplaintRecord StopClock(ComplaintRecord record) =>
        record.RespondedAtUtc is null && ClockStoppers.Contains(Action)
            ? record with { RespondedAtUtc = AtUtc, ResponseDueAtUtc = record.DueAtUtc }
            : record;

    public TimelineEntry ToTimelineEntry() => new(TrackingNumber, EntryId, AtUtc, Actor, Action, Detail, IsPublic, Parameters);
}
