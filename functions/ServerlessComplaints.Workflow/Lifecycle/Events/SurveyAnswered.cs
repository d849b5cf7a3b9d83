namespace ServerlessComplaints.Workflow.Lifecycle.Events;

/// <summary>The follow-up survey: a rating from 1 (very dissatisfied) to 5 and an optional comment.</summary>
public sealed record SurveyAnswered(int Rating, string? Comment = null);
