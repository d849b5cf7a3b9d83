using System.Globalization;
using ServerlessComplaints.Workflow.Localization;

namespace ServerlessComplaints.Workflow.Intake;

/// <summary>
/// One validation problem: the field's key as the API names it ("customer.email"; "" for the whole body), the message
/// code (<c>Intake.{code}</c> in <see cref="CaseTexts"/>) and its arguments. <see cref="Message"/> renders it in a
/// culture, with the field's label (<c>Field.{key}</c>) as <c>{field}</c>.
/// </summary>
public sealed record IntakeError(string Field, string Code, IReadOnlyDictionary<string, string>? Arguments = null)
{
    public string Message(CultureInfo culture)
    {
        var values = new Dictionary<string, string>(Arguments ?? new Dictionary<string, string>(), StringComparer.Ordinal)
        {
            ["field"] = CaseTexts.Find("Field." + Field, culture) ?? Field,
        };
        return CaseTexts.Format("Intake." + Code, culture, values);
    }

    /// <summary>Messages per field in <paramref name="culture"/>, in the order found: what a form shows next to each field.</summary>
    public static IReadOnlyDictionary<string, string[]> Messages(IEnumerable<IntakeError> errors, CultureInfo culture) =>
        errors.GroupBy(e => e.Field, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(e => e.Message(culture)).ToArray(), StringComparer.Ordinal);
}
