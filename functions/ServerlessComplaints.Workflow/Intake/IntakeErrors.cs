using ServerlessComplaints.Workflow.Localization;

namespace ServerlessComplaints.Workflow.Intake;

/// <summary>Validation problems collected per field key, in the order found.</summary>
internal sealed class IntakeErrors
{
    private readonly List<IntakeError> errors = [];

    public bool IsEmpty => errors.Count == 0;

    public IReadOnlyList<IntakeError> All => errors;

    public void Add(string key, string code, params (string Name, object Value)[] arguments) =>
        errors.Add(new IntakeError(key, code, arguments.ToDictionary(a => a.Name, a => Convert.ToString(a.Value, System.Globalization.CultureInfo.InvariantCulture) ?? "", StringComparer.Ordinal)));

    /// <summary>The API's messages: English, keyed by field.</summary>
    public IReadOnlyDictionary<string, string[]> ToDictionary() => IntakeError.Messages(errors, CaseCulture.English);
}
