using System.Globalization;
using ServerlessComplaints.Workflow.Localization;

namespace ServerlessComplaints.Workflow.Notifications;

/// <summary>
/// Mail texts from the resource set (<c>Mail.{kind}.Subject</c> and <c>Mail.{kind}.Body</c> in <see cref="CaseTexts"/>),
/// rendered as text and HTML in the case's culture. Placeholders in braces come from the values the sender computed
/// (labels, deadlines and amounts already localized); an unknown placeholder is left visible. Values are inserted
/// once and encoded in HTML; only the product's own links become anchors.
/// </summary>
public static class NotificationTemplates
{
    /// <summary>Values that are links the product made: the only text that becomes an anchor in the HTML part.</summary>
    private static readonly HashSet<string> LinkValues = new(StringComparer.Ordinal) { "statusUrl", "actionUrl", "evidenceLinks" };

    /// <summary>The resource keys of a kind's subject and body.</summary>
    public static (string Subject, string Body) Keys(NotificationKind kind) => ($"Mail.{kind}.Subject", $"Mail.{kind}.Body");

    /// <summary>The subject, the text part and the HTML part of one notification, in a case language (zh-CN or en).</summary>
    public static (string Subject, string Body, string Html) Render(NotificationKind kind, string language, IReadOnlyDictionary<string, string> values) =>
        Render(kind, CaseCulture.Of(language), values);

    /// <summary>The subject, the text part and the HTML part of one notification, in <paramref name="culture"/>.</summary>
    public static (string Subject, string Body, string Html) Render(NotificationKind kind, CultureInfo culture, IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(culture);
        var (subjectKey, bodyKey) = Keys(kind);
        var subject = Placeholders.Fill(CaseTexts.Get(subjectKey, culture), values, (_, value) => value, literal => literal);
        var bodyTemplate = CaseTexts.Get(bodyKey, culture);
        var body = Placeholders.Fill(bodyTemplate, values, (_, value) => value, literal => literal);
        var html = Placeholders.Fill(bodyTemplate, values, (key, value) => LinkValues.Contains(key) ? MailHtml.Links(value) : MailHtml.Text(value), MailHtml.Text);
        return (subject, body, MailHtml.Page(subject, html, culture.Name));
    }
}
