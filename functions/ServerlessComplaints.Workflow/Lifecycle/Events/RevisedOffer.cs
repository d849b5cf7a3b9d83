using ServerlessComplaints.Workflow.Domain;

namespace ServerlessComplaints.Workflow.Lifecycle.Events;

/// <summary>A new remedy from the owner (after a rejection or a decline) or the manager's final offer.</summary>
public sealed record RevisedOffer(string StaffId, Remedy Remedy) : IExpectedEvent
{
    /// <summary>The round of the expectation this answers; an event for another round is dropped.</summary>
    public string? Round { get; init; }
}
