namespace ServerlessComplaints.Workflow.Lifecycle.Events;

/// <summary>The owner confirms the remedy was carried out, with a reference (refund number, shipment …).</summary>
public sealed record ExecutionConfirmed(string StaffId, string Reference) : IExpectedEvent
{
    /// <summary>The round of the expectation this answers; an event for another round is dropped.</summary>
    public string? Round { get; init; }
}
