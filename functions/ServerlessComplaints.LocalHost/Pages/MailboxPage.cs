using System.Globalization;
using System.Text;
using ServerlessComplaints.LocalHost.Mail;

namespace ServerlessComplaints.LocalHost.Pages;

/// <summary>The dev mailbox: every mail the service "sent", newest first, links clickable.</summary>
internal static class MailboxPage
{
    public static string Render(IReadOnlyList<DevMail> mails)
    {
        var body = new StringBuilder("<h1>Dev mailbox 开发邮箱</h1><p class=\"note\">Mail sent through the local SendGrid-compatible sink (nothing leaves this machine). Newest first.</p>");
        if (mails.Count == 0)
        {
            body.Append("<p>No mail yet.</p>");
        }

        foreach (var mail in mails)
        {
            body.Append(CultureInfo.InvariantCulture, $"<div class=\"mail\"><div class=\"note\">{Html.E(mail.ReceivedAtUtc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture))} UTC · to {Html.E(mail.To)} · from {Html.E(mail.From)}</div>");
            body.Append(CultureInfo.InvariantCulture, $"<strong>{Html.E(mail.Subject)}</strong><p>{Html.Linkify(mail.Text)}</p></div>");
        }

        return Html.Page("Dev mailbox", body.ToString());
    }
}
