using ServerlessComplaints.Workflow.Assessment;
using ServerlessComplaints.Workflow.Cases;
using ServerlessComplaints.Workflow.Domain;
using ServerlessComplaints.Workflow.Notifications;

namespace ServerlessComplaints.Workflow.Inbound;

/// <summary>
/// Tells the case owner that an email joined the case — the customer's message, a colleague's note, or mail held for
/// review — in the case's language, through the outbox under the id <c>{trackingNumber}-in-{key}</c>: a retried
/// delivery never mails the owner twice. Mail text is shown as text, never as links.
/// </summary>
public sealed class CustomerMessageMail(StaffDirectory directory, NotificationOptions options, INotificationOutbox outbox, IMailer mailer)
{
    /// <summary>
    /// Sends the mail unless it was sent before; false when the case has no owner (yet), the owner wrote the mail, or
    /// it was mailed already. <paramref name="notKept"/> lists refused attachments ("name: reason") for the customer's
    /// mail, and every attachment's name for other mail.
    /// </summary>
    public async Task<bool> SendAsync(
        ComplaintRecord record, string messageKey, InboundMessage message, ReplySender sender, string mailText, IReadOnlyList<string> stored, IReadOnlyList<string> notKept, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(sender);
        var owner = record.OwnerId is { } id ? directory.Find(id) : null;
        var notificationId = InboundMessageKey.EntryId(record.TrackingNumber, messageKey);
        if (owner is null || owner.Id == sender.Staff?.Id || await outbox.IsSentAsync(notificationId, cancellationToken))
        {
            return false;
        }

        var zh = record.Details.Language == CaseLanguage.Chinese;
        var (subject, intro, lists) = zh ? Chinese(record, message, sender, stored, notKept) : English(record, message, sender, stored, notKept);
        var link = $"{options.PublicBaseUrl.TrimEnd('/')}/api/staff/complaints/{record.TrackingNumber}";
        var text = $"{intro}\n\n{InboundText.Truncate(mailText, 2000)}\n{lists}\n\n{(zh ? "查看案件：" : "Open the case: ")}";
        var html = MailHtml.Page(subject, MailHtml.Text(text) + MailHtml.Links(link), record.Details.Language);
        var mail = new OutgoingMail(notificationId, owner.Email, subject, text + link, html);
        await outbox.RecordPendingAsync(mail, cancellationToken);
        await mailer.SendAsync(mail, cancellationToken);
        await outbox.MarkSentAsync(notificationId, cancellationToken);
        return true;
    }

    private static (string Subject, string Intro, string Lists) Chinese(ComplaintRecord record, InboundMessage message, ReplySender sender, IReadOnlyList<string> stored, IReadOnlyList<string> notKept)
    {
        var (tn, caseSubject) = (record.TrackingNumber, record.Details.Subject);
        return sender.Kind switch
        {
            ReplySenderKind.Customer => ($"客户来信：{tn}", $"案件 {tn}（{caseSubject}）收到客户的新邮件：", Line("已存为证据的附件：", stored) + Line("未接受的附件：", notKept)),
            ReplySenderKind.Staff => ($"同事邮件备注：{tn}", $"案件 {tn}（{caseSubject}）收到 {sender.Staff!.Name} 的邮件，已作为内部备注记录：", Line("未保存的附件：", notKept)),
            _ => ($"待审核来信：{tn}", $"案件 {tn}（{caseSubject}）收到待审核的邮件，发件人 {message.FromAddress}（{sender.HeldBecause}），未作为客户留言显示：", Line("未保存的附件：", notKept)),
        };
    }

    private static (string Subject, string Intro, string Lists) English(ComplaintRecord record, InboundMessage message, ReplySender sender, IReadOnlyList<string> stored, IReadOnlyList<string> notKept)
    {
        var (tn, caseSubject) = (record.TrackingNumber, record.Details.Subject);
        return sender.Kind switch
        {
            ReplySenderKind.Customer => ($"Customer message: {tn}", $"Case {tn} (\"{caseSubject}\") has a new email from the customer:",
                Line("Attachments kept as evidence: ", stored) + Line("Attachments refused: ", notKept)),
            ReplySenderKind.Staff => ($"Staff email note: {tn}", $"Case {tn} (\"{caseSubject}\") has an email from {sender.Staff!.Name}, recorded as a staff note:",
                Line("Attachments not kept: ", notKept)),
            _ => ($"Email held for review: {tn}", $"Case {tn} (\"{caseSubject}\") has an email held for review from {message.FromAddress} ({sender.HeldBecause}); it is not shown as the customer's message:",
                Line("Attachments not kept: ", notKept)),
        };
    }

    private static string Line(string label, IReadOnlyList<string> items) => items.Count == 0 ? "" : $"\n{label}{string.Join("; ", items)}";
}
