using System.Globalization;

namespace ServerlessComplaints.Workflow.Localization;

/// <summary>Amounts in CNY, formatted by the reader's culture with the symbol its resource gives ("¥599.00", "CN¥599.00").</summary>
public static class CaseMoney
{
    public static string Format(decimal amount, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        var format = (NumberFormatInfo)culture.NumberFormat.Clone();
        format.CurrencySymbol = CaseTexts.Get("Money.Symbol", culture);
        format.CurrencyDecimalDigits = 2;
        return amount.ToString("C", format);
    }

    /// <summary>An amount carried as invariant text (timeline parameters, mail data); text that is not a number stays as it is.</summary>
    public static string Format(string invariantAmount, CultureInfo culture) =>
        decimal.TryParse(invariantAmount, NumberStyles.Number, CultureInfo.InvariantCulture, out var amount) ? Format(amount, culture) : invariantAmount;

    /// <summary>The invariant text of an amount, for parameters.</summary>
    public static string Invariant(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);
}
