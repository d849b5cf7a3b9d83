using CaseNumber = ServerlessComplaints.Workflow.Intake.TrackingNumber;

namespace ServerlessComplaints.LocalHost.Mail;

/// <summary>A mail the local SendGrid-compatible sink received; <see cref="Deliveries"/> counts repeated deliveries of its id.</summary>
public sealed record DevMail(string Id, DateTime ReceivedAtUtc, string From, string To, string Subject, string Text, string? Html, string? NotificationId, int Deliveries = 1)
{
    private const int CaseNumberLength = 19; // "CMP-" + yyyyMMdd + "-" + six characters

    /// <summary>The case the mail belongs to: notification ids start with its tracking number ("CMP-20261123-7K3Q9Z-3-offer").</summary>
    public string? TrackingNumber =>
        NotificationId is { Length: >= CaseNumberLength } id && CaseNumber.IsValid(id[..CaseNumberLength]) ? id[..CaseNumberLength] : null;

    /// <summary>Whether the mail is about the case: by its notification id, or (a mail sent without one) by naming it.</summary>
    public bool Concerns(string trackingNumber) =>
        TrackingNumber is { } own
            ? own == trackingNumber
            : Subject.Contains(trackingNumber, StringComparison.Ordinal) || Text.Contains(trackingNumber, StringComparison.Ordinal);
}
