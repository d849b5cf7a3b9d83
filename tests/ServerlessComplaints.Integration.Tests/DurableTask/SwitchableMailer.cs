using ServerlessComplaints.Workflow.Notifications;

namespace ServerlessComplaints.Integration.Tests.DurableTask;

/// <summary>A mailer that is down until <see cref="Repair"/> is called, then delivers to the in-memory mailbox.</summary>
internal sealed class SwitchableMailer(InMemoryMailbox mailbox) : IMailer
{
    public const string Error = "mail relay unreachable (test)";

    private volatile bool _repaired;

    public void Repair() => _repaired = true;

    public Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken) =>
        _repaired ? mailbox.SendAsync(mail, cancellationToken) : throw new HttpRequestException(Error);
}
