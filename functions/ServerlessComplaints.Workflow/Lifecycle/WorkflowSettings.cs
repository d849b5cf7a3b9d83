namespace ServerlessComplaints.Workflow.Lifecycle;

/// <summary>
/// The timings and bounds of the lifecycle after intake, bound from section "Workflow". A snapshot travels in each
/// case's input, so a running case keeps the rules it started with and replays deterministically.
/// </summary>
public sealed record WorkflowSettings
{
    public const string SectionName = "Workflow";

    /// <summary>Working days an approver has per level before the request escalates.</summary>
    public int ApprovalWindowWorkingDays { get; init; } = 1;

    /// <summary>Working days the owner has to revise an offer before the manager is told.</summary>
    public int RevisionWindowWorkingDays { get; init; } = 1;

    /// <summary>Working days the owner has to carry out an accepted remedy (reminders at the SLA fractions).</summary>
    public int ExecutionWindowWorkingDays { get; init; } = 3;

    public TimeSpan OfferResponseWindow { get; init; } = TimeSpan.FromDays(5);

    public TimeSpan OfferReminderAfter { get; init; } = TimeSpan.FromDays(3);

    public int MaxNegotiationRounds { get; init; } = 2;

    public TimeSpan FollowUpDelay { get; init; } = TimeSpan.FromDays(3);

    public TimeSpan SurveyWindow { get; init; } = TimeSpan.FromDays(7);

    /// <summary>A rating at or below this reopens the case.</summary>
    public int DissatisfiedAtOrBelow { get; init; } = 2;

    public int MaxReopens { get; init; } = 1;

    public int RetentionDays { get; init; } = 365;

    /// <summary>Attempts per activity call before the case fails (visible to staff, who can retry it).</summary>
    public int ActivityAttempts { get; init; } = 5;

    /// <summary>The first retry waits this long, doubling up to five minutes.</summary>
    public TimeSpan ActivityFirstRetry { get; init; } = TimeSpan.FromSeconds(5);

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        void Positive(double value, string name)
        {
            if (value <= 0)
            {
                errors.Add($"{SectionName}:{name} must be positive.");
            }
        }

        Positive(ApprovalWindowWorkingDays, nameof(ApprovalWindowWorkingDays));
        Positive(RevisionWindowWorkingDays, nameof(RevisionWindowWorkingDays));
        Positive(ExecutionWindowWorkingDays, nameof(ExecutionWindowWorkingDays));
        Positive(OfferResponseWindow.TotalSeconds, nameof(OfferResponseWindow));
        Positive(FollowUpDelay.TotalSeconds, nameof(FollowUpDelay));
        Positive(SurveyWindow.TotalSeconds, nameof(SurveyWindow));
        Positive(RetentionDays, nameof(RetentionDays));
        if (OfferReminderAfter <= TimeSpan.Zero || OfferReminderAfter >= OfferResponseWindow)
        {
            errors.Add($"{SectionName}:OfferReminderAfter must be positive and shorter than OfferResponseWindow.");
        }

        if (MaxNegotiationRounds is < 0 or > 10 || MaxReopens is < 0 or > 5)
        {
            errors.Add($"{SectionName}:MaxNegotiationRounds must be 0–10 and MaxReopens 0–5.");
        }

        if (ActivityAttempts is < 1 or > 20 || ActivityFirstRetry <= TimeSpan.Zero)
        {
            errors.Add($"{SectionName}:ActivityAttempts must be 1–20 and ActivityFirstRetry positive.");
        }

        if (DissatisfiedAtOrBelow is < 0 or > 4)
        {
            errors.Add($"{SectionName}:DissatisfiedAtOrBelow must be 0–4 (ratings are 1–5).");
        }

        return errors;
    }
}
