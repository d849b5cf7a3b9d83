using SendGrid;
using SendGrid.Helpers.Mail;

namespace ServerlessComplaints.Workflow.Notifications;

/// <summary>
/// Sends mail through SendGrid's v3 API (locally pointed at the built-in sink). The notification id travels as a
/// custom argument, so a receiver can drop the one duplicate the outbox cannot prevent.
/// </summary>
public sealed class SendGridMailer(ISendGridClient client, NotificationOptions options) : IMailer
{
    public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        var message = MailHelper.CreateSingleEmail(
            new EmailAddress(options.FromAddress, options.FromName),
            new EmailAddress(mail.To),
            mail.Subject,
            mail.TextBody,
            mail.HtmlBody);
        message.AddCustomArg("notificationId", mail.NotificationId);
        if (mail.ReplyTo is { } replyTo)
        {
            // Replies come back through Inbound Parse plus-addressed to the case.
            message.SetReplyTo(new EmailAddress(replyTo));
        }

        var response = await client.SendEmailAsync(message, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            // Throwing lets the activity retry; the outbox row stays pending until a send succeeds.
            throw new HttpRequestException($"SendGrid refused notification {mail.NotificationId}: HTTP {(int)response.StatusCode}.");
        }
    }
}
