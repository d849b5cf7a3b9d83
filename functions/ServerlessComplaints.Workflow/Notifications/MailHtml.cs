using System.Net;
using System.Text.RegularExpressions;

namespace ServerlessComplaints.Workflow.Notifications;

/// <summary>
/// The HTML part of a mail, built by its sender from pieces: <see cref="Text"/> for everything people typed (encoded,
/// never a link) and <see cref="Links"/> for the links the product made (status, action and evidence links).
/// </summary>
public static partial class MailHtml
{
    /// <summary>The document around a body that is already HTML.</summary>
    public static string Page(string subject, string bodyHtml, string language) =>
        $"<!doctype html><html lang=\"{WebUtility.HtmlEncode(language)}\"><head><meta charset=\"utf-8\"><title>{WebUtility.HtmlEncode(subject)}</title></head>"
        + $"<body style=\"font-family:system-ui,sans-serif;line-height:1.5;color:#1d2733\"><p>{bodyHtml}</p></body></html>";

    /// <summary>Text as HTML: encoded, line breaks kept, URLs left as plain text.</summary>
    public static string Text(string text) => WebUtility.HtmlEncode(text).Replace("\n", "<br>", StringComparison.Ordinal);

    /// <summary>Text the product made whose http(s) URLs become anchors; never for text a customer or staff member typed.</summary>
    public static string Links(string text) => Url().Replace(Text(text), m => $"<a href=\"{m.Value}\">{m.Value}</a>");

    [GeneratedRegex(@"https?://[^\s<>""']+", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Url();
}
