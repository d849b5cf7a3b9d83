namespace ServerlessComplaints.Workflow.Lifecycle.Events;

/// <summary>A manager grants the special-case extension (7 working days in total); the customer is told.</summary>
public sealed record ExtensionGranted(string StaffId, string Reason) : IExpectedEvent
{
    /// <summary>The round of the expectation this answers; an event for another round is dropped.</summary>
    public string? Round { get; init; }
}
