namespace ServerlessComplaints.Workflow.Intake;

/// <summary>The result of a submission: the tracking number of the started case, or the per-field errors.</summary>
public sealed record IntakeOutcome(string? TrackingNumber, IReadOnlyDictionary<string, string[]> Errors)
{
    public bool Accepted => TrackingNumber is not null;
}
