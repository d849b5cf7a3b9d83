namespace ServerlessComplaints.Workflow.Lifecycle.Events;

/// <summary>The customer accepts or declines the offer, optionally with a comment.</summary>
public sealed record OfferResponse(bool Accepted, string? Comment = null) : IExpectedEvent
{
    /// <summary>The round of the expectation this answers; an event for another round is dropped.</summary>
    public string? Round { get; init; }
}
