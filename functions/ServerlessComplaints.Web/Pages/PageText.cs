using System.Globalization;
using Microsoft.Extensions.Localization;
using ServerlessComplaints.Workflow.Domain;

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

    /// <summary>Chinese, then English: "类型 Type".</summary>
    public string Both(string key) => In(CaseLanguage.Chinese, key) + " " + In(CaseLanguage.English, key);

    public static CultureInfo CultureOf(string? language) =>
        CultureInfo.GetCultureInfo(language == CaseLanguage.English ? CaseLanguage.English : CaseLanguage.Chinese);
}
