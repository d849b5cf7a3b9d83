namespace ServerlessComplaints.Workflow.Lifecycle.Events;

/// <summary>An approver approves or rejects the proposed remedy.</summary>
public sealed record ApprovalDecision(string StaffId, bool Approved, string? Comment = null) : IExpectedEvent
{
    /// <summary>The round of the expectation this answers; an event for another round is dropped.</summary>
    public string? Round { get; init; }
}
