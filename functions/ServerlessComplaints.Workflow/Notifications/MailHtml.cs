using System.Net;
using System.Text.RegularExpressions;

namespace ServerlessComplaints.Workflow.Notifications;

/// <summary>The HTML part of a mail, made from its text: encoded, links clickable, lines kept.</summary>
public static partial class MailHtml
{
    public static string From(string subject, string text, string language) =>
        $"<!doctype html><html lang=\"{WebUtility.HtmlEncode(language)}\"><head><meta charset=\"utf-8\"><title>{WebUtility.HtmlEncode(subject)}</title></head>"
        + "<body style=\"font-family:system-ui,sans-serif;line-height:1.5;color:#1d2733\"><p>"
        + Url().Replace(WebUtility.HtmlEncode(text), m => $"<a href=\"{m.Value}\">{m.Value}</a>").Replace("\n", "<br>", StringComparison.Ordinal)
        + "</p></body></html>";

    [GeneratedRegex(@"https?://[^\s<>""']+")]
    private static partial Regex Url();
}
