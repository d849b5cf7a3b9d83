namespace ServerlessComplaints.Workflow.Lifecycle.Events;

/// <summary>The follow-up survey: a rating from 1 (very dissatisfied) to 5 and an optional comment.</summary>
public sealed record SurveyAnswered(int Rating, string? Comment = null) : IExpectedEvent
{
    /// <summary>The round of the expectation this answers; an event for another round is dropped.</summary>
    public string? Round { get; init; }
}
