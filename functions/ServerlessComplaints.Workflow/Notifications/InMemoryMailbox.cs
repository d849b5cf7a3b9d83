using System.Collections.Concurrent;

namespace ServerlessComplaints.Workflow.Notifications;

/// <summary>A mailer that keeps every mail in memory: the test and demo stand-in for SendGrid.</summary>
public sealed class InMemoryMailbox : IMailer
{
    private readonly ConcurrentQueue<OutgoingMail> _mails = new();

    public IReadOnlyList<OutgoingMail> Mails => [.. _mails];

    public Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        _mails.Enqueue(mail);
        return Task.CompletedTask;
    }
}
