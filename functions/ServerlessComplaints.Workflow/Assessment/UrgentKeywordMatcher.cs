using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ServerlessComplaints.Workflow.Assessment;

/// <summary>Finds configured safety/health keywords in free text: ASCII words on word boundaries, Chinese as substrings.</summary>
internal sealed class UrgentKeywordMatcher
{
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);

    private readonly List<(string Keyword, Func<string, bool> IsIn)> _rules;

    public UrgentKeywordMatcher(IEnumerable<string> keywords)
    {
        _rules = keywords
            .Where(k => !string.IsNullOrWhiteSpace(k))
            .Select(k => k.Trim())
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(k => (k, RuleFor(k)))
            .ToList();
    }

    /// <summary>The keywords found, in configuration order, leaving out any contained in a longer match ("中毒" in "食物中毒").</summary>
    public IReadOnlyList<string> Match(string text)
    {
        var normalised = text.Normalize(NormalizationForm.FormKC);
        var found = _rules.Where(r => r.IsIn(normalised)).Select(r => r.Keyword).ToList();
        return found
            .Where(k => !found.Any(other => other.Length > k.Length && other.Contains(k, StringComparison.OrdinalIgnoreCase)))
            .ToList();
    }

    private static Func<string, bool> RuleFor(string keyword)
    {
        var normalised = keyword.Normalize(NormalizationForm.FormKC);
        if (!normalised.All(char.IsAscii))
        {
            return text => text.Contains(normalised, StringComparison.OrdinalIgnoreCase);
        }

        // A word boundary here means "no ASCII letter or digit next to it", so "起火fire" still matches "fire".
        var body = string.Join(@"\s+", normalised.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Regex.Escape));
        var regex = new Regex(
            string.Create(CultureInfo.InvariantCulture, $"(?<![A-Za-z0-9]){body}s?(?![A-Za-z0-9])"),
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant,
            MatchTimeout);
        return regex.IsMatch;
    }
}
