using System.Globalization;
using ServerlessComplaints.Workflow.Assessment;
using ServerlessComplaints.Workflow.Calendar;
using ServerlessComplaints.Workflow.Cases;
using ServerlessComplaints.Workflow.Domain;
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
    NotificationOptions options,
    StatusLinks links,
    ActionTokens actionTokens,
    EvidenceLinks evidenceLinks,
    Inbound.InboundEmailOptions inbound,
    Evidence.IEvidenceStore evidence,
    INotificationOutbox outbox,
    IMailer mailer) : WorkflowActivity<NotificationRequest, NotificationResult>
{
    public override async Task<NotificationResult> RunAsync(NotificationRequest input, CancellationToken cancellationToken)
    {
        if (await outbox.IsSentAsync(input.NotificationId, cancellationToken))
        {
            return new NotificationResult(Sent: false, AlreadySent: true);
        }

        var record = await store.GetAsync(input.TrackingNumber, cancellationToken) ?? throw new KeyNotFoundException($"No case '{input.TrackingNumber}'.");
        var toCustomer = input.Recipient == NotificationRequest.Customer;
        var address = toCustomer ? record.Details.Customer.Email : directory.Get(input.Recipient).Email;
        if (string.IsNullOrEmpty(address))
        {
            return new NotificationResult(Sent: false, AlreadySent: false, SkippedBecause: "the customer has no email address");
        }

        var language = record.Details.Language;
        var values = Values(record, input, toCustomer, language);
        values["evidenceLinks"] = input.Kind == NotificationKind.ApprovalRequest ? await EvidenceListAsync(record.TrackingNumber, cancellationToken) : "";
        var (subject, body, html) = NotificationTemplates.Render(input.Kind, language, values);
        var replyTo = toCustomer && inbound.IsConfigured ? inbound.ReplyAddressFor(record.TrackingNumber) : null;
        var mail = new OutgoingMail(input.NotificationId, address, subject, body, html, replyTo);
        await outbox.RecordPendingAsync(mail, cancellationToken);
        await mailer.SendAsync(mail, cancellationToken);
        await outbox.MarkSentAsync(input.NotificationId, cancellationToken);
        return new NotificationResult(Sent: true, AlreadySent: false);
    }

    private Dictionary<string, string> Values(ComplaintRecord record, NotificationRequest input, bool toCustomer, string language)
    {
        var baseUrl = options.PublicBaseUrl.TrimEnd('/');
        var statusUrl = links.PageUrl(record.TrackingNumber);
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["trackingNumber"] = record.TrackingNumber,
            ["subject"] = record.Details.Subject,
            ["kind"] = CategoryLabels.For(record.Details.Kind, language),
            ["category"] = CategoryLabels.For(record.Details.Category, language),
            ["urgency"] = record.Urgency.ToString().ToLowerInvariant(),
            ["due"] = (input.DueAtUtc ?? record.DueAtUtc) is { } due ? LocalTime(due) : "-",
            ["owner"] = record.OwnerId is { } owner ? directory.Find(owner)?.Name ?? owner : "-",
            ["statusUrl"] = statusUrl,
            // Signed single-use action links replace these plain links with the email channel.
            ["actionUrl"] = input.LinkAction is { } action
                ? $"{baseUrl}/actions/{actionTokens.Issue(record.TrackingNumber, action, toCustomer ? "customer" : input.Recipient, input.Round)}"
                : toCustomer ? statusUrl : $"{baseUrl}/api/staff/complaints/{record.TrackingNumber}",
        };
        foreach (var (key, value) in input.Data ?? new Dictionary<string, string>())
        {
            values[key] = value;
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

    private string LocalTime(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), clock.Calendar.TimeZone)
            .ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + $" ({clock.Calendar.TimeZone.Id})";
}
