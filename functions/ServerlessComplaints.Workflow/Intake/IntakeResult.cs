using ServerlessComplaints.Workflow.Domain;

namespace ServerlessComplaints.Workflow.Intake;

/// <summary>
/// The outcome of intake validation: the normalised case, or errors keyed by JSON path (<see cref="Errors"/>: English,
/// for the API); <see cref="Problems"/> are the same errors as codes, to show in the reader's language
/// (<see cref="IntakeError.Messages"/>).
/// </summary>
public sealed record IntakeResult(ComplaintDetails? Details, IReadOnlyDictionary<string, string[]> Errors)
{
    public IReadOnlyList<IntakeError> Problems { get; init; } = [];

    /// <summary>The messages per field in <paramref name="culture"/>.</summary>
    public IReadOnlyDictionary<string, string[]> ErrorsIn(System.Globalization.CultureInfo culture) => IntakeError.Messages(Problems, culture);

    public bool IsValid => Details is not null;
}
