using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace ServerlessComplaints.Web.Pages;

/// <summary>
/// The address a page was asked for, so the layout's language switch links to the same page (and keeps its token) in
/// the other language. A page answering a POST links to its GET form instead (<see cref="GetPath"/>).
/// </summary>
public sealed record PageLink(string GetPath, IReadOnlyDictionary<string, string> Query)
{
    public static PageLink Root { get; } = new("/", new Dictionary<string, string>());

    public static PageLink Of(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var query = HttpMethods.IsGet(request.Method)
            ? request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal)
            : [];
        var path = (request.PathBase + request.Path).Value;
        return new(string.IsNullOrEmpty(path) ? "/" : path, query);
    }

    /// <summary>This page in <paramref name="language"/>: the same path and query with <c>lang</c> set.</summary>
    public string In(string language)
    {
        var query = Query.Where(q => q.Key != PageLanguage.QueryName).Append(KeyValuePair.Create(PageLanguage.QueryName, language));
        return QueryHelpers.AddQueryString(GetPath, query.Select(q => KeyValuePair.Create(q.Key, (string?)q.Value)));
    }
}
