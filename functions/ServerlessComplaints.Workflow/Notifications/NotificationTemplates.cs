using System.Globalization;
using ServerlessComplaints.Workflow.Localization;

namespace ServerlessComplaints.Workflow.Notifications;

/// <summary>
/// Mail texts from the resource set (<c>Mail.{template}.Subject</c> and <c>Mail.{template}.Body</c> in
/// <see cref="CaseTexts"/>) in the case's culture. Placeholders in braces come from the values the sender computed
/// (labels, deadlines and amounts already localized); an unknown placeholder is left visible. Values are inserted
/// once, never searched for placeholders; only the values that are the product's own links may become anchors when
/// <see cref="IMailLayout"/> lays the body out.
/// </summary>
public static class NotificationTemplates
{
    /// <summary>Values that are links the product made.</summary>
    private static readonly HashSet<string> LinkValues = new(StringComparer.Ordinal) { "statusUrl", "actionUrl", "evidenceLinks", "caseUrl" };

    /// <summary>The resource keys of a template's subject and body.</summary>
    public static (string Subject, string Body) Keys(string template) => ($"Mail.{template}.Subject", $"Mail.{template}.Body");

    /// <summary>The resource keys of a notification kind's subject and body.</summary>
    public static (string Subject, string Body) Keys(NotificationKind kind) => Keys(kind.ToString());

    /// <summary>The subject and body of one notification, in a case language (zh-CN or en).</summary>
    public static MailContent Render(NotificationKind kind, string language, IReadOnlyDictionary<string, string> values) =>
        Render(kind.ToString(), CaseCulture.Of(language), values);

    /// <summary>The subject and body of one notification, in <paramref name="culture"/>.</summary>
    public static MailContent Render(NotificationKind kind, CultureInfo culture, IReadOnlyDictionary<string, string> values) =>
        Render(kind.ToString(), culture, values);

    /// <summary>The subject and body of the mail template <paramref name="template"/>, in <paramref name="culture"/>.</summary>
    public static MailContent Render(string template, CultureInfo culture, IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(culture);
        var (subjectKey, bodyKey) = Keys(template);
        var subject = Placeholders.Fill(CaseTexts.Get(subjectKey, culture), values, (_, value) => value, literal => literal);
        var parts = new List<MailPart>();
        Placeholders.Fill(CaseTexts.Get(bodyKey, culture), values, (key, value) => Add(parts, value, LinkValues.Contains(key)), literal => Add(parts, literal, false));
        return new MailContent(subject, new MailBody(parts));
    }

    private static string Add(List<MailPart> parts, string text, bool productLinks)
    {
        if (text.Length > 0)
        {
            parts.Add(new MailPart(text, productLinks));
        }

        return text;
    }
}
