namespace ServerlessComplaints.Workflow.Lifecycle.Events;

/// <summary>Whether a suggestion is adopted, with the reply to the customer.</summary>
public sealed record SuggestionReviewed(string StaffId, bool Adopted, string Reply) : IExpectedEvent
{
    /// <summary>The round of the expectation this answers; an event for another round is dropped.</summary>
    public string? Round { get; init; }
}
