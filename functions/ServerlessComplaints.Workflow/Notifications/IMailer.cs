namespace ServerlessComplaints.Workflow.Notifications;

/// <summary>Sends one mail (SendGrid in production, the local sink in development).</summary>
public interface IMailer
{
    Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken);
}
