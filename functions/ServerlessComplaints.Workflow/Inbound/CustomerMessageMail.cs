using System.Globalization;
using ServerlessComplaints.Workflow.Assessment;
using ServerlessComplaints.Workflow.Cases;
using ServerlessComplaints.Workflow.Localization;
using ServerlessComplaints.Workflow.Notifications;

namespace ServerlessComplaints.Workflow.Inbound;

/// <summary>
/// Tells the case owner that an email joined the case — the customer's message, a colleague's note, or mail held for
/// review — in the case's language, through the outbox under the id <c>{trackingNumber}-in-{key}</c>: a retried
/// delivery never mails the owner twice. Mail text is shown as text, never as links.
/// </summary>
public sealed class CustomerMessageMail(StaffDirectory directory, NotificationOptions options, INotificationOutbox outbox, IMailer mailer, IMailLayout layout, Intake.IntakeLimits limits)
{
    /// <summary>
    /// Sends the mail unless it was sent before; false when the case has no owner (yet), the owner wrote the mail, or
    /// it was mailed already. <paramref name="notKept"/> lists refused attachments ("name: reason") for the customer's
    /// mail, and every attachment's name for other mail.
    /// </summary>
    public async Task<bool> SendAsync(
        ComplaintRecord record, string messageKey, InboundMessage message, ReplySender sender, string mailText, IReadOnlyList<string> stored, IReadOnlyList<string> notKept, CancellationToken cancellationToken,
        IReadOnlyList<RefusedAttachment>? refused = null)
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

        var culture = CaseCulture.Of(record.Details.Language);
        var template = sender.Kind switch
        {
            ReplySenderKind.Customer => "InboundCustomer",
            ReplySenderKind.Staff => "InboundStaffNote",
            _ => "InboundHeld",
        };
        var refusedText = refused is null ? notKept : [.. refused.Select(r => $"{r.FileName}: {Reasons(r, culture)}")];
        var attachments = sender.Kind == ReplySenderKind.Customer
            ? Line("Mail.Inbound.Stored", stored, culture) + Line("Mail.Inbound.Refused", refusedText, culture)
            : Line("Mail.Inbound.NotKept", notKept, culture);
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["trackingNumber"] = record.TrackingNumber,
            ["subject"] = record.Details.Subject,
            ["staffName"] = sender.Staff?.Name ?? "",
            ["fromAddress"] = message.FromAddress,
            ["heldBecause"] = sender.HeldCode is { } held ? CaseTexts.Find("Held." + held, culture) ?? sender.HeldBecause ?? held : sender.HeldBecause ?? "",
            ["mailText"] = InboundText.Truncate(mailText, 2000),
            ["attachments"] = attachments,
            ["caseUrl"] = $"{options.PublicBaseUrl.TrimEnd('/')}/staff/cases/{record.TrackingNumber}",
        };
        var (subject, body) = NotificationTemplates.Render(template, culture, values);
        var html = await layout.RenderAsync(subject, body, culture.Name, cancellationToken);
        var mail = new OutgoingMail(notificationId, owner.Email, subject, body.Text, html);
        await outbox.RecordPendingAsync(mail, cancellationToken);
        await mailer.SendAsync(mail, cancellationToken);
        await outbox.MarkSentAsync(notificationId, cancellationToken);
        return true;
    }

    /// <summary>Why an attachment was refused, in the case's language (the English reason when it has no codes).</summary>
    private string Reasons(RefusedAttachment refused, CultureInfo culture)
    {
        if (refused.Codes.Count == 0)
        {
            return refused.Reason;
        }

        var values = RefusalCodes.Limits(limits);
        return string.Join(
            CaseTexts.Get("Timeline.ListSeparator", culture),
            refused.Codes.Select(code => CaseTexts.Find("Refused." + code, culture) is { } reason ? Placeholders.Fill(reason, values, (_, v) => v, l => l) : code));
    }

    private static string Line(string labelKey, IReadOnlyList<string> items, CultureInfo culture) =>
        items.Count == 0 ? "" : "\n" + CaseTexts.Get(labelKey, culture).Replace("{items}", string.Join("; ", items), StringComparison.Ordinal);
}
