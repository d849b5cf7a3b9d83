namespace ServerlessComplaints.Workflow.Intake;

/// <summary>The wire shape of <c>POST /api/complaints</c>; every field is a string so bad values are reported per field.</summary>
public sealed record ComplaintSubmission
{
    public string? Kind { get; init; }

    public string? Category { get; init; }

    public string? Subject { get; init; }

    public string? Description { get; init; }

    public CustomerSubmission? Customer { get; init; }

    public string? Location { get; init; }

    public string? OrderReference { get; init; }

    public string? OccurredAt { get; init; }

    public string? DesiredRemedy { get; init; }

    public string? Language { get; init; }
}
