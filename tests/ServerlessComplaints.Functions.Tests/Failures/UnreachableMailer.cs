using ServerlessComplaints.Workflow.Notifications;

namespace ServerlessComplaints.Functions.Tests.Failures;

/// <summary>A mail provider that refuses every send, as SendGrid does when its key is revoked.</summary>
internal sealed class UnreachableMailer : IMailer
{
    public const string Error = "SendGrid answered 401 Unauthorized";

    public Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken) => throw new HttpRequestException(Error);
}
