using ServerlessComplaints.Workflow.Domain;

namespace ServerlessComplaints.Workflow.Intake;

/// <summary>The outcome of intake validation: the normalised case, or errors keyed by JSON path.</summary>
public sealed record IntakeResult(ComplaintDetails? Details, IReadOnlyDictionary<string, string[]> Errors)
{
    public bool IsValid => Details is not null;
}
