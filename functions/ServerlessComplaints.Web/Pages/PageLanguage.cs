using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;
using ServerlessComplaints.Workflow.Domain;

namespace ServerlessComplaints.Web.Pages;

/// <summary>
/// The language a page is shown in: <c>?lang=</c> (the switch on every page), else the case's language, else the
/// browser's Accept-Language, else Chinese (pages) or English (the API's problems, <paramref name="fallback"/>).
/// </summary>
public static class PageLanguage
{
    public const string QueryName = "lang";

    /// <summary>The complaint form's hidden field that carries the page's language with every post.</summary>
    public const string FormFieldName = "language";

    public static string For(HttpRequest request, string? caseLanguage = null, string fallback = CaseLanguage.Chinese)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Known(request.Query[QueryName].ToString())
            ?? Known(caseLanguage)
            ?? FromAcceptLanguage(request.Headers.AcceptLanguage.ToString())
            ?? fallback;
    }

    /// <summary>The language field of a form this request already read (the complaint form's), or null; never reads the body.</summary>
    public static string? OfPostedForm(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.HttpContext.Features.Get<IFormFeature>()?.Form is { } form ? Known(form[FormFieldName].ToString()) : null;
    }

    /// <summary>"en", "en-GB" → en; "zh", "zh-CN", "zh-Hans" → zh-CN; anything else null.</summary>
    public static string? Known(string? language) =>
        language?.Trim() is not { Length: > 0 } value ? null
        : value.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? CaseLanguage.English
        : value.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? CaseLanguage.Chinese
        : null;

    /// <summary>The other language, the one the switch offers.</summary>
    public static string Other(string language) => language == CaseLanguage.English ? CaseLanguage.Chinese : CaseLanguage.English;

    private static string? FromAcceptLanguage(string header) =>
        StringWithQualityHeaderValue.TryParseList(header.Split(','), out var values)
            ? values.OrderByDescending(v => v.Quality ?? 1).Select(v => Known(v.Value.Value)).FirstOrDefault(l => l is not null)
            : null;
}
