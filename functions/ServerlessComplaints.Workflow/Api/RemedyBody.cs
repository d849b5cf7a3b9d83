namespace ServerlessComplaints.Workflow.Api;

/// <summary>A remedy as sent to the staff API.</summary>
public sealed record RemedyBody
{
    public string? Type { get; init; }

    public decimal? Amount { get; init; }

    public string? Description { get; init; }
}
