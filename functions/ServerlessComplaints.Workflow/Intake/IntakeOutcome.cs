namespace ServerlessComplaints.Workflow.Intake;

/// <summary>The result of a submission: the tracking number of the started case, or the per-field errors.</summary>
public sealed record IntakeOutcome(string? TrackingNumber, IReadOnlyDictionary<string, string[]> Errors)
{
    /// <summary>The errors as codes, to show in the reader's language (<see cref="IntakeError.Messages"/>).</summary>
    public IReadOnlyList<IntakeError> Problems { get; init; } = [];

    /// <summary>The messages per field in <paramref name="culture"/>.</summary>
    public IReadOnlyDictionary<string, string[]> ErrorsIn(System.Globalization.CultureInfo culture) => IntakeError.Messages(Problems, culture);

    public bool Accepted => TrackingNumber is not null;
}
