namespace ServerlessComplaints.Workflow.Intake;

/// <summary>The <c>customer</c> object of a <see cref="ComplaintSubmission"/>, as received.</summary>
public sealed record CustomerSubmission
{
    public string? Name { get; init; }

    public string? Email { get; init; }

    public string? Phone { get; init; }
}
