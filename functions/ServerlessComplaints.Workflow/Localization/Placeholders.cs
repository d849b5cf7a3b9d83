using System.Text;
using System.Text.RegularExpressions;

namespace ServerlessComplaints.Workflow.Localization;

/// <summary><c>{name}</c> placeholders in resource texts, filled in one pass.</summary>
public static partial class Placeholders
{
    /// <summary>
    /// Fills <paramref name="template"/>: a value goes in once through <paramref name="value"/> and is never searched for
    /// placeholders itself (a customer's "{owner}" stays "{owner}"); literal text goes through <paramref name="literal"/>;
    /// an unknown placeholder is left visible.
    /// </summary>
    public static string Fill(string template, IReadOnlyDictionary<string, string> values, Func<string, string, string> value, Func<string, string> literal)
    {
        ArgumentNullException.ThrowIfNull(template);
        var text = new StringBuilder(template.Length * 2);
        var at = 0;
        foreach (Match match in Pattern().Matches(template))
        {
            var key = match.Groups[1].Value;
            text.Append(literal(template[at..match.Index]));
            text.Append(values.TryGetValue(key, out var found) ? value(key, found) : literal(match.Value));
            at = match.Index + match.Length;
        }

        return text.Append(literal(template[at..])).ToString();
    }

    /// <summary>The placeholder names in <paramref name="template"/>, in order.</summary>
    public static IReadOnlyList<string> Names(string template) =>
        [.. Pattern().Matches(template).Select(m => m.Groups[1].Value)];

    [GeneratedRegex(@"\{([A-Za-z]+)\}", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Pattern();
}
