using System.Globalization;
using ServerlessComplaints.Workflow.Domain;

namespace ServerlessComplaints.Workflow.Intake;

/// <summary>Picks the case language: the field, then Accept-Language, then the script of the text.</summary>
internal static class LanguageSelection
{
    /// <summary>Maps an explicit <c>language</c> field value; null when it is not a supported language.</summary>
    public static string? FromField(string value) => value.ToLowerInvariant() switch
    {
        "zh-cn" or "zh" => CaseLanguage.Chinese,
        "en" => CaseLanguage.English,
        _ => null,
    };

    /// <summary>The first supported language in q-order, or null when none is acceptable.</summary>
    public static string? FromAcceptLanguage(string? header)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return null;
        }

        // OrderByDescending is stable, so equal weights keep the header's order.
        return header.Split(',')
            .Select(Parse)
            .Where(range => range.Quality > 0)
            .OrderByDescending(range => range.Quality)
            .Select(range => FromTag(range.Tag))
            .FirstOrDefault(language => language is not null);
    }

    /// <summary>Chinese when the text contains Chinese characters, else English.</summary>
    public static string FromText(string subject, string description) =>
        IntakeText.HasCjkIdeograph(subject) || IntakeText.HasCjkIdeograph(description) ? CaseLanguage.Chinese : CaseLanguage.English;

    private static (string Tag, double Quality) Parse(string range)
    {
        var parts = range.Split(';', StringSplitOptions.TrimEntries);
        var quality = 1.0;
        foreach (var parameter in parts.Skip(1))
        {
            if (parameter.StartsWith("q=", StringComparison.OrdinalIgnoreCase)
                && !double.TryParse(parameter.AsSpan(2), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out quality))
            {
                quality = 0;
            }
        }

        return (parts[0], quality);
    }

    private static string? FromTag(string tag)
    {
        var primary = tag.Split('-')[0];
        return primary.Equals("zh", StringComparison.OrdinalIgnoreCase) ? CaseLanguage.Chinese
            : primary.Equals("en", StringComparison.OrdinalIgnoreCase) ? CaseLanguage.English
            : null;
    }
}
