using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using ServerlessComplaints.Web.Pages;
using ServerlessComplaints.Web.Routing;

namespace ServerlessComplaints.Web.Http;

/// <summary>
/// The security headers of both hosts' answers. Pages get a
/// Content-Security-Policy that allows no inline script and only the one inline style sheet by its hash, never in a
/// frame; every answer gets <c>nosniff</c>, <c>Referrer-Policy: no-referrer</c> (a status or action link must not
/// leak through a Referer) and <c>Cache-Control: no-store</c> (pages and answers carry tokens and personal data).
/// </summary>
public static class PageSecurity
{
    /// <summary>For HTML: scripts from this origin only (none inline), the page's own style sheet by hash, no frames.</summary>
    public static readonly string PagePolicy =
        $"default-src 'self'; script-src 'self'; style-src '{Sha256(PageStyle.Css)}'; img-src 'self'; connect-src 'self'; "
        + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

    /// <summary>For everything else (JSON, downloads): nothing may load or frame it.</summary>
    public const string ApiPolicy = "default-src 'none'; frame-ancestors 'none'; sandbox";

    /// <summary>Headers of an HTML page.</summary>
    public static void ApplyToPage(HttpResponse response) => Apply(response, PagePolicy, cacheable: false);

    /// <summary>Headers of a JSON answer, a problem or a download.</summary>
    public static void ApplyToApi(HttpResponse response) => Apply(response, ApiPolicy, cacheable: false);

    /// <summary>Headers of a route's answer by its kind, set before the handler runs.</summary>
    public static void ApplyTo(HttpResponse response, RouteKind kind) =>
        Apply(response, kind == RouteKind.Page ? PagePolicy : ApiPolicy, cacheable: kind == RouteKind.Asset);

    /// <summary>Headers chosen by the response's content type (set again as the response starts: a page route may answer a problem).</summary>
    public static void ApplyByContentType(HttpResponse response, bool cacheable) =>
        Apply(response, response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true ? PagePolicy : ApiPolicy, cacheable);

    /// <summary>The CSP source expression of an inline block: what a browser hashes is the exact text between the tags.</summary>
    public static string Sha256(string inlineText) => "sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(inlineText)));

    private static void Apply(HttpResponse response, string policy, bool cacheable)
    {
        var headers = response.Headers;
        headers.ContentSecurityPolicy = policy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.XFrameOptions = "DENY";
        headers.CacheControl = cacheable ? "public, max-age=300" : "no-store";
        if (!cacheable)
        {
            headers.Pragma = "no-cache";
        }
    }
}
