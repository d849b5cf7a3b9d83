using System.Collections.Concurrent;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;
using ServerlessComplaints.Web;
using ServerlessComplaints.Workflow.Authorization;
using ServerlessComplaints.Workflow.Cases;
using ServerlessComplaints.Workflow.Domain;
using ServerlessComplaints.Workflow.Lifecycle;
using ServerlessComplaints.Workflow.Localization;

namespace ServerlessComplaints.Functions.Tests.Pages;

/// <summary>
/// What a rendered page must not show: a resource key that was not found (the localizer echoes the key), a system code
/// (a stage, outcome, kind, category, remedy, urgency, timeline code … by its wire name) in the Chinese text, or any
/// other English word in it; in English text, a hyphenated wire name ("offer-sent"). Only the text a person reads counts: tags, attributes, the style sheet and scripts are
/// stripped first, and the customer's own words are taken out.
/// </summary>
internal static partial class PageTextChecks
{
    // Latin words a Chinese page may show: file types, units, the time zone and the switch to English.
    private static readonly HashSet<string> LatinAllowed = new(StringComparer.Ordinal) { "English", "WebP" };

    /// <summary>Every wire name the domain uses: none may reach a Chinese page untranslated.</summary>
    public static IReadOnlySet<string> SystemCodes { get; } = new HashSet<string>(
        [
            .. PageSamples.Constants(typeof(CaseStage)), .. PageSamples.Constants(typeof(CaseOutcome)), .. TimelineCodes.All, .. LinkActions.All,
            .. Wire<ComplaintKind>(), .. Wire<Category>(), .. Wire<RemedyType>(), .. Wire<Urgency>(), .. Wire<ResponsibleParty>(), .. Wire<Channel>(), .. Wire<StaffRole>(),
            .. PageSamples.CaseTextKeys("Task."),
        ],
        StringComparer.Ordinal);

    /// <summary>The text a person reads: no tags or attributes, no style or script, entities decoded, whitespace folded.</summary>
    public static string VisibleText(string html)
    {
        var text = HiddenBlocks().Replace(html, " ");
        text = Tags().Replace(text, " ");
        return Spaces().Replace(WebUtility.HtmlDecode(text), " ").Trim();
    }

    /// <summary>Problems in <paramref name="visibleText"/> of a page in <paramref name="language"/>; empty when it reads well.</summary>
    public static IReadOnlyList<string> Problems(string visibleText, string language, IEnumerable<string> customerWords)
    {
        var text = customerWords.Aggregate(visibleText, (t, words) => t.Replace(words, " ", StringComparison.Ordinal));
        var problems = new List<string>();
        problems.AddRange(ResourceKey().Matches(text).Select(m => $"resource key shown: '{m.Value}'"));
        if (language == CaseLanguage.Chinese)
        {
            var words = LatinWord().Matches(text).Select(m => m.Value).Distinct(StringComparer.Ordinal).ToList();
            problems.AddRange(words.Where(SystemCodes.Contains).Select(w => $"system code shown untranslated: '{w}' in …{Around(text, w)}…"));
            problems.AddRange(words.Where(w => !SystemCodes.Contains(w) && !LatinAllowed.Contains(w) && !IsAcronym(w)).Select(w => $"English word in Chinese text: '{w}' in …{Around(text, w)}…"));
        }
        else
        {
            // English text may say "resolved" or "closed"; a hyphenated wire name it never says (bar two ordinary words).
            var codes = LatinWord().Matches(text).Select(m => m.Value).Where(w => w.Contains('-', StringComparison.Ordinal) && SystemCodes.Contains(w) && w is not ("follow-up" or "third-party"));
            problems.AddRange(codes.Distinct(StringComparer.Ordinal).Select(w => $"system code shown: '{w}' in …{Around(text, w)}…"));
        }

        return problems;
    }

    private static bool IsAcronym(string word) => word.All(c => char.IsUpper(c) || char.IsDigit(c) || c == '-');

    private static string Around(string text, string word)
    {
        var at = Regex.Match(text, $"(?<![A-Za-z-]){Regex.Escape(word)}(?![A-Za-z-])").Index;
        return text[Math.Max(0, at - 20)..Math.Min(text.Length, at + word.Length + 20)];
    }

    private static string[] Wire<TEnum>()
        where TEnum : struct, Enum => [.. Enum.GetValues<TEnum>().Select(v => WireNames.Of(v))];

    [GeneratedRegex(@"<(style|script)\b[^>]*>.*?</\1>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex HiddenBlocks();

    [GeneratedRegex(@"<[^>]*>", RegexOptions.Singleline)]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    // A word of Latin letters, hyphens inside ("follow-up", "third-party"): codes are such words.
    [GeneratedRegex(@"[A-Za-z]+(?:-[A-Za-z]+)*")]
    private static partial Regex LatinWord();

    // "Form.Submit", "Action.Message.done", "Timeline.offer-sent": what a localizer shows for a key it does not have.
    [GeneratedRegex(@"\b[A-Z][A-Za-z]+(?:\.[A-Za-z][A-Za-z0-9-]*)+\b")]
    private static partial Regex ResourceKey();
}

/// <summary>The page localizer, recording every key it was asked for and did not have (it answers with the key itself).</summary>
internal sealed class RecordingLocalizer(IStringLocalizer inner) : IStringLocalizer<PageResources>
{
    public ConcurrentBag<string> Missing { get; } = [];

    public LocalizedString this[string name] => Record(inner[name]);

    public LocalizedString this[string name, params object[] arguments] => Record(inner[name, arguments]);

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => inner.GetAllStrings(includeParentCultures);

    private LocalizedString Record(LocalizedString text)
    {
        if (text.ResourceNotFound)
        {
            Missing.Add($"{text.Name} ({System.Globalization.CultureInfo.CurrentUICulture.Name})");
        }

        return text;
    }
}
