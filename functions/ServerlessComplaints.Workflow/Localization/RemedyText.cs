using System.Globalization;
using ServerlessComplaints.Workflow.Domain;

namespace ServerlessComplaints.Workflow.Localization;

/// <summary>A remedy as people read it: "退款 ¥599.00：全额退款" / "Refund CN¥599.00: full refund"; the description as written.</summary>
public static class RemedyText
{
    public static string Phrase(Remedy remedy, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(remedy);
        return Phrase(WireNames.Of(remedy.Type), remedy.Amount is { } a ? CaseMoney.Invariant(a) : null, remedy.Description, culture);
    }

    /// <summary>The phrase from codes: the type's wire name and the amount as invariant text.</summary>
    public static string Phrase(string type, string? amount, string description, CultureInfo culture) =>
        CaseTexts.Format(amount is null ? "Remedy.Phrase" : "Remedy.PhraseWithAmount", culture, new Dictionary<string, string>
        {
            ["type"] = CaseLabels.Code("Remedy.", type, culture),
            ["amount"] = amount is null ? "" : CaseMoney.Format(amount, culture),
            ["description"] = description,
        });

    /// <summary>The type with its amount and no description: "退款 ¥599.00".</summary>
    public static string Label(string type, string? amount, CultureInfo culture)
    {
        var label = CaseLabels.Code("Remedy.", type, culture);
        return amount is null ? label : $"{label} {CaseMoney.Format(amount, culture)}";
    }
}
