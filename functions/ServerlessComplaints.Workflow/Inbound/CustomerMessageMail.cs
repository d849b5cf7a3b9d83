using ServerlessComplaints.Workflow.Assessment;
using ServerlessComplaints.Workflow.Cases;
using ServerlessComplaints.Workflow.Domain;
using ServerlessComplaints.Workflow.Notifications;

namespace ServerlessComplaints.Workflow.Inbound;

/// <summary>
/// Tells the case owner that an email joined the case, in the case's language, through the outbox under the id
/// <c>{trackingNumber}-in-{hash of Message-ID}</c>: a retried delivery never mails the owner twice.
/// </summary>
public sealed class CustomerMessageMail(StaffDirectory directory, NotificationOptions options, INotificationOutbox outbox, IMailer mailer)
{
    /// <summary>Sends the mail unless it was sent before; false when the case has no owner (yet) or was mailed already.</summary>
    public async Task<bool> SendAsync(ComplaintRecord record, string messageKey, InboundMessage message, string text, bool fromCustomer, IReadOnlyList<string> stored, IReadOnlyList<string> refused, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(message);
        var owner = record.OwnerId is { } id ? directory.Find(id) : null;
        var notificationId = InboundMessageKey.EntryId(record.TrackingNumber, messageKey);
        if (owner is null || await outbox.IsSentAsync(notificationId, cancellationToken))
        {
            return false;
        }

        var (subject, body) = Render(record, message, text, fromCustomer, stored, refused);
        var mail = new OutgoingMail(notificationId, owner.Email, subject, body, MailHtml.From(subject, body, record.Details.Language));
        await outbox.RecordPendingAsync(mail, cancellationToken);
        await mailer.SendAsync(mail, cancellationToken);
        await outbox.MarkSentAsync(notificationId, cancellationToken);
        return true;
    }

    private (string Subject, string Body) Render(ComplaintRecord record, InboundMessage message, string text, bool fromCustomer, IReadOnlyList<string> stored, IReadOnlyList<string> refused)
    {
        var tn = record.TrackingNumber;
        var link = $"{options.PublicBaseUrl.TrimEnd('/')}/api/staff/complaints/{tn}";
        var excerpt = InboundText.Truncate(text, 2000);
        var files = stored.Count == 0 ? "" : string.Join(", ", stored);
        var refusedList = refused.Count == 0 ? "" : string.Join("; ", refused);
        if (record.Details.Language == CaseLanguage.Chinese)
        {
            var who = fromCustomer ? "客户" : $"{message.FromAddress}（不是本案登记的客户邮箱）";
            return ($"客户来信：{tn}",
                $"案件 {tn}（{record.Details.Subject}）收到{who}的新邮件：\n\n{excerpt}\n"
                + (files.Length > 0 ? $"\n已存为证据的附件：{files}" : "")
                + (refusedList.Length > 0 ? $"\n未接受的附件：{refusedList}" : "")
                + $"\n\n查看案件：{link}");
        }

        var sender = fromCustomer ? "the customer" : $"{message.FromAddress} (not the customer's address on file)";
        return ($"Customer message: {tn}",
            $"Case {tn} (\"{record.Details.Subject}\") has a new email from {sender}:\n\n{excerpt}\n"
            + (files.Length > 0 ? $"\nAttachments kept as evidence: {files}" : "")
            + (refusedList.Length > 0 ? $"\nAttachments refused: {refusedList}" : "")
            + $"\n\nOpen the case: {link}");
    }
}
