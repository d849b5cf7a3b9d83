using ServerlessComplaints.Workflow.Domain;

namespace ServerlessComplaints.Workflow.Lifecycle.Events;

/// <summary>What the investigation found and the remedy the owner proposes.</summary>
public sealed record FindingsSubmitted(string StaffId, string RootCause, ResponsibleParty ResponsibleParty, string Facts, Remedy ProposedRemedy) : IExpectedEvent
{
    /// <summary>The round of the expectation this answers; an event for another round is dropped.</summary>
    public string? Round { get; init; }
}
