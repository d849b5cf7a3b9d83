using System.Globalization;
using Microsoft.Extensions.Localization;
using ServerlessComplaints.Workflow.Domain;
using ServerlessComplaints.Workflow.Localization;

namespace ServerlessComplaints.Web.Pages;

/// <summary>
/// The pages' words from <c>Resources/PageResources.resx</c> (en) and <c>PageResources.zh-CN.resx</c>, through
/// <see cref="IStringLocalizer"/>: in the page's language (the UI culture the renderer sets), or in both languages
/// side by side where a page has no case to take its language from.
/// </summary>
public sealed class PageText(IStringLocalizer<PageResources> localizer)
{
    public string this[string key] => localizer[key];

    public string In(string language, string key)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureOf(language);
        try
        {
            return localizer[key];
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    /// <summary>The text of <paramref name="key"/> with its <c>{name}</c> placeholders filled once (values are never re-scanned).</summary>
    public string Format(string key, IReadOnlyDictionary<string, string>? values) => Fill(this[key], values);

    /// <summary><see cref="Format(string, IReadOnlyDictionary{string, string}?)"/> in <paramref name="language"/>.</summary>
    public string FormatIn(string language, string key, IReadOnlyDictionary<string, string>? values) => Fill(In(language, key), values);

    /// <summary>Chinese, then English: "类型 Type".</summary>
    public string Both(string key) => In(CaseLanguage.Chinese, key) + " " + In(CaseLanguage.English, key);

    private static string Fill(string template, IReadOnlyDictionary<string, string>? values) =>
        Placeholders.Fill(template, values ?? new Dictionary<string, string>(), (_, value) => value, literal => literal);

    public static CultureInfo CultureOf(string? language) =>
        CultureInfo.GetCultureInfo(language == CaseLanguage.English ? CaseLanguage.English : CaseLanguage.Chinese);
}
