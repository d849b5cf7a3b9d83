using ServerlessComplaints.Workflow.Notifications;

namespace ServerlessComplaints.Workflow.Tests.Inbound;

/// <summary>A mailer whose first send fails as an unreachable SendGrid would; later sends go to the inner mailer.</summary>
internal sealed class FailingOnceMailer(IMailer inner) : IMailer
{
    private int _calls;

    public Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken) =>
        Interlocked.Increment(ref _calls) == 1
            ? throw new HttpRequestException("SendGrid unreachable")
            : inner.SendAsync(mail, cancellationToken);
}
