using System.Globalization;
using ServerlessComplaints.Workflow.Domain;
using ServerlessComplaints.Workflow.Lifecycle;

namespace ServerlessComplaints.Workflow.Localization;

/// <summary>
/// The names people read for the domain's codes: kinds, categories, remedies, responsible parties, urgency, channels,
/// roles, stages (<see cref="CaseStage"/>), outcomes (<see cref="CaseOutcome"/>) and timeline actors.
/// A code without a label (a timeline parameter written by a newer release) is shown as it is rather than failing a page.
/// </summary>
public static class CaseLabels
{
    public static string Of(ComplaintKind kind, CultureInfo culture) => CaseTexts.Get("Kind." + WireNames.Of(kind), culture);

    /// <summary>The kind inside a sentence ("your complaint"; the same as <see cref="Of(ComplaintKind, CultureInfo)"/> in Chinese).</summary>
    public static string InText(ComplaintKind kind, CultureInfo culture) => CaseTexts.Get("KindInText." + WireNames.Of(kind), culture);

    public static string Of(Category category, CultureInfo culture) => CaseTexts.Get("Category." + WireNames.Of(category), culture);

    public static string Of(RemedyType remedy, CultureInfo culture) => CaseTexts.Get("Remedy." + WireNames.Of(remedy), culture);

    public static string Of(ResponsibleParty party, CultureInfo culture) => CaseTexts.Get("Party." + WireNames.Of(party), culture);

    public static string Of(Urgency urgency, CultureInfo culture) => CaseTexts.Get("Urgency." + WireNames.Of(urgency), culture);

    public static string Of(Channel channel, CultureInfo culture) => CaseTexts.Get("Channel." + WireNames.Of(channel), culture);

    public static string Of(StaffRole role, CultureInfo culture) => CaseTexts.Get("Role." + WireNames.Of(role), culture);

    /// <summary>A stage (<see cref="CaseStage.Investigation"/> → "调查中" / "Under investigation").</summary>
    public static string Stage(CaseStage stage, CultureInfo culture) => Code("Stage.", WireNames.Of(stage), culture);

    /// <summary>An outcome (<see cref="CaseOutcome.NoResponse"/> → "客户未回复，方案继续有效").</summary>
    public static string Outcome(CaseOutcome outcome, CultureInfo culture) => Code("Outcome.", WireNames.Of(outcome), culture);

    /// <summary>A timeline actor: system, customer and email by name; a staff id through <paramref name="staffName"/>, else the id.</summary>
    public static string Actor(string actor, CultureInfo culture, Func<string, string?>? staffName = null) =>
        CaseTexts.Find("Actor." + actor, culture) ?? staffName?.Invoke(actor) ?? actor;

    /// <summary>The label of a code under <paramref name="prefix"/> ("Remedy.", "refund"), or the code itself when there is none.</summary>
    public static string Code(string prefix, string code, CultureInfo culture) => CaseTexts.Find(prefix + code, culture) ?? code;
}
