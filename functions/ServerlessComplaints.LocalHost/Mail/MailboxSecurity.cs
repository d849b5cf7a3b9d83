using ServerlessComplaints.Web.Http;
using ServerlessComplaints.Web.Pages;

namespace ServerlessComplaints.LocalHost.Mail;

/// <summary>
/// The dev mailbox's own style sheet and policies. The page keeps the pages' policy (no inline script, style sheets by
/// hash, never framed) with its second style sheet's hash added; a mail's HTML part is its own document, shown in a
/// frame of the mailbox only: sandboxed (no script, an opaque origin), its inline styles allowed, nothing loaded from
/// elsewhere, its links opened in a new tab.
/// </summary>
internal static class MailboxSecurity
{
    public const string PreviewPath = "/dev/mailbox/";

    public static readonly string Css = """

          .filter input { width: 16rem; max-width: 100%; } .filter button { margin: .4rem .6rem 0 0; }
          .mail { overflow-wrap: anywhere; } .mail h2 { font-size: 1.05rem; margin: .3rem 0; } .mail .note a { white-space: nowrap; }
          .mail iframe { display: block; width: 100%; height: 14rem; border: 1px solid #ccd; border-radius: 4px; background: #fff; }
          summary { cursor: pointer; color: #0b5cad; }

        """.ReplaceLineEndings("\n");

    public static readonly string PagePolicy =
        $"default-src 'self'; script-src 'self'; style-src '{PageSecurity.Sha256(PageStyle.Css)}' '{PageSecurity.Sha256(Css)}'; img-src 'self'; "
        + "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

    public const string PreviewPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'none'; base-uri 'none'; "
        + "frame-ancestors 'self'; sandbox allow-popups allow-popups-to-escape-sandbox";

    /// <summary>The iframe's sandbox: the same as the preview's policy, for a browser that reads only one of them.</summary>
    public const string FrameSandbox = "allow-popups allow-popups-to-escape-sandbox";

    /// <summary>Replaces the pages' policy on the mailbox's HTML answers, as the response starts (after <see cref="PageSecurity"/>).</summary>
    public static void Apply(HttpContext context)
    {
        var response = context.Response;
        var path = context.Request.Path;
        if (response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) != true || !path.StartsWithSegments("/dev/mailbox", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var preview = path.Value!.StartsWith(PreviewPath, StringComparison.OrdinalIgnoreCase);
        response.Headers.ContentSecurityPolicy = preview ? PreviewPolicy : PagePolicy;
        if (preview)
        {
            response.Headers.XFrameOptions = "SAMEORIGIN";
        }
    }

    /// <summary>The mail's HTML with its links opening in a new tab (a frame cannot show a page that refuses frames).</summary>
    public static string PreviewDocument(string html)
    {
        const string Base = "<base target=\"_blank\">";
        var head = html.IndexOf("<head>", StringComparison.OrdinalIgnoreCase);
        return head >= 0 ? html.Insert(head + "<head>".Length, Base) : Base + html;
    }
}
