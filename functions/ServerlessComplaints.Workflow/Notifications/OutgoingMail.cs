namespace ServerlessComplaints.Workflow.Notifications;

/// <summary>A rendered mail; <see cref="NotificationId"/> also travels to SendGrid as a custom argument.</summary>
public sealed record OutgoingMail(string NotificationId, string To, string Subject, string TextBody, string? HtmlBody = null, string? ReplyTo = null);
