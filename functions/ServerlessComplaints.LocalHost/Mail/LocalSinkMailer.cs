using SendGrid;
using ServerlessComplaints.LocalHost.Hosting;
using ServerlessComplaints.Workflow.Notifications;

namespace ServerlessComplaints.LocalHost.Mail;

/// <summary>The real SendGrid client pointed at this service's own <c>/v3/mail/send</c> sink once its address is known.</summary>
internal sealed class LocalSinkMailer(LocalAddress address, NotificationOptions options) : IMailer
{
    private SendGridMailer? _mailer;

    public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        _mailer ??= new SendGridMailer(new SendGridClient(new SendGridClientOptions { ApiKey = "local-sink", Host = await address.LoopbackUrlAsync() }), options);
        await _mailer.SendAsync(mail, cancellationToken);
    }
}
