using System.Globalization;
using ServerlessComplaints.Workflow.Assessment;
using ServerlessComplaints.Workflow.Calendar;
using ServerlessComplaints.Workflow.Cases;
using ServerlessComplaints.Workflow.Domain;
using ServerlessComplaints.Workflow.Localization;
using ServerlessComplaints.Workflow.Notifications;
using ServerlessComplaints.Workflow.Orchestration;
using ServerlessComplaints.Workflow.Security;

namespace ServerlessComplaints.Workflow.Activities;

/// <summary>
/// Renders and sends one notification through the outbox: a notification already marked sent is not sent again,
/// so a retried activity never mails twice.
/// </summary>
public sealed class SendNotification(
    IComplaintStore store,
    StaffDirectory directory,
    SlaClock clock,
    CaseTimes times,
    NotificationOptions options,
    StatusLinks links,
    ActionTokens actionTokens,
    EvidenceLinks evidenceLinks,
    Inbound.InboundEmailOptions inbound,
    Evidence.IEvidenceStore evidence,
    INotificationOutbox outbox,
    IMailer mailer,
    IMailLayout layout) : WorkflowActivity<NotificationRequest, NotificationResult>
{
    public override async Task<NotificationResult> RunAsync(NotificationRequest input, CancellationToken cancellationToken)
    {
        if (await outbox.IsSentAsync(input.NotificationId, cancellationToken))
        {
            return new NotificationResult(Sent: false, AlreadySent: true);
        }

        var record = await store.GetAsync(input.TrackingNumber, cancellationToken) ?? throw new KeyNotFoundException($"No case '{input.TrackingNumber}'.");
        var toCustomer = input.Recipient == NotificationRequest.Customer;
        // A reassigned case: the orchestration still names the people it assigned; the mail goes to whose step it is now.
        input = input with { Recipient = CurrentRecipient(record, input) };
        var address = toCustomer ? record.Details.Customer.Email : directory.Get(input.Recipient).Email;
        if (string.IsNullOrEmpty(address))
        {
            return new NotificationResult(Sent: false, AlreadySent: false, SkippedBecause: "the customer has no email address");
        }

        // The mail follows the case's language, whoever reads it.
        var culture = CaseCulture.Of(record.Details.Language);
        var values = Values(record, input, toCustomer, culture);
        values["evidenceLinks"] = input.Kind == NotificationKind.ApprovalRequest ? await EvidenceListAsync(record.TrackingNumber, cancellationToken) : "";
        var (subject, body) = NotificationTemplates.Render(input.Kind, culture, values);
        var html = await layout.RenderAsync(subject, body, culture.Name, cancellationToken);
        var replyTo = toCustomer && inbound.IsConfigured ? inbound.ReplyAddressFor(record.TrackingNumber) : null;
        var mail = new OutgoingMail(input.NotificationId, address, subject, body.Text, html, replyTo);
        await outbox.RecordPendingAsync(mail, cancellationToken);
        await mailer.SendAsync(mail, cancellationToken);
        await outbox.MarkSentAsync(input.NotificationId, cancellationToken);
        return new NotificationResult(Sent: true, AlreadySent: false);
    }

    /// <summary>The mails about the owner's own steps; the others go to an approver, a manager or the customer.</summary>
    private static readonly HashSet<NotificationKind> OwnersMail =
    [
        NotificationKind.Assignment, NotificationKind.Reminder, NotificationKind.ApprovalEscalated, NotificationKind.ApprovalRejected,
        NotificationKind.RevisionRequest, NotificationKind.ExecutionRequest, NotificationKind.Reopened,
    ];

    private string CurrentRecipient(ComplaintRecord record, NotificationRequest input) =>
        input.Recipient == NotificationRequest.Customer ? input.Recipient : Authorization.CaseAssignees.Current(
            directory, input.Recipient, OwnersMail.Contains(input.Kind), record.OwnerId, record.PreviousOwnerIds,
            (record.OwnerId is { } owner ? directory.Find(owner)?.Department : null) ?? record.DepartmentId);

    private Dictionary<string, string> Values(ComplaintRecord record, NotificationRequest input, bool toCustomer, CultureInfo culture)
    {
        var baseUrl = options.PublicBaseUrl.TrimEnd('/');
        var statusUrl = links.PageUrl(record.TrackingNumber);
        var details = record.Details;
        var none = CaseTexts.Get("Mail.None", culture);
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["trackingNumber"] = record.TrackingNumber,
            ["subject"] = details.Subject,
            ["kind"] = CaseLabels.InText(details.Kind, culture),
            ["category"] = CaseLabels.Of(details.Category, culture),
            ["urgency"] = CaseLabels.Of(record.Urgency, culture),
            ["due"] = (input.DueAtUtc ?? record.DueAtUtc) is { } due ? times.Deadline(due, culture) : none,
            ["within"] = CaseTimes.Span(clock.SpanFor(details.Kind, record.Extended && details.Kind == ComplaintKind.Complaint), culture),
            ["owner"] = record.OwnerId is { } owner ? directory.Find(owner)?.Name ?? owner : none,
            ["outcome"] = record.Outcome is { } outcome ? CaseLabels.Outcome(outcome, culture) : none,
            ["remedy"] = record.Remedy is { } remedy ? RemedyText.Phrase(remedy, culture) : none,
            ["amount"] = record.Remedy?.Amount is { } amount ? CaseMoney.Format(amount, culture) : none,
            ["comment"] = none,
            ["statusUrl"] = statusUrl,
            ["caseUrl"] = $"{baseUrl}/staff/cases/{record.TrackingNumber}",
            // Signed single-use action links replace these plain links with the email channel.
            ["actionUrl"] = input.LinkAction is { } action
                ? $"{baseUrl}/actions/{actionTokens.Issue(record.TrackingNumber, action, toCustomer ? "customer" : input.Recipient, input.Round)}"
                : toCustomer ? statusUrl : $"{baseUrl}/staff/cases/{record.TrackingNumber}",
        };
        var data = input.Data ?? new Dictionary<string, string>();
        foreach (var (key, value) in data)
        {
            // Nothing said reads as "none", not as a gap in the sentence.
            values[key] = value.Length == 0 ? none : value;
        }

        // Codes become words here, in the reader's language; requests scheduled before codes were sent keep their text.
        if (data.TryGetValue(MailData.RemedyType, out var type))
        {
            var amountText = data.GetValueOrDefault(MailData.RemedyAmount);
            values["remedy"] = RemedyText.Phrase(type, amountText, data.GetValueOrDefault(MailData.RemedyText) ?? "", culture);
            values["amount"] = amountText is null ? none : CaseMoney.Format(amountText, culture);
        }

        if (data.TryGetValue("approver", out var approver))
        {
            values["approver"] = directory.Find(approver)?.Name ?? approver;
        }

        if (values["comment"] is "" or "-")
        {
            values["comment"] = none;
        }

        return values;
    }

    /// <summary>Time-limited links to the case's evidence, one per line, for the approver.</summary>
    private async Task<string> EvidenceListAsync(string trackingNumber, CancellationToken cancellationToken)
    {
        var items = await evidence.ListAsync(trackingNumber, cancellationToken);
        var baseUrl = options.PublicBaseUrl.TrimEnd('/');
        return string.Concat(items.Select(i => $"\n{i.FileName}: {baseUrl}/evidence/{evidenceLinks.Token(i.BlobName, TimeSpan.FromDays(7))}"));
    }
}
