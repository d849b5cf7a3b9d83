namespace ServerlessComplaints.LocalHost.Mail;

/// <summary>A mail the local SendGrid-compatible sink received; <see cref="Deliveries"/> counts repeated deliveries of its id.</summary>
public sealed record DevMail(string Id, DateTime ReceivedAtUtc, string From, string To, string Subject, string Text, string? Html, string? NotificationId, int Deliveries = 1);
