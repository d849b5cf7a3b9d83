using ServerlessComplaints.Workflow.Domain;

namespace ServerlessComplaints.Workflow.Api;

/// <summary>One row of the staff queue.</summary>
public sealed record StaffCaseSummary(
    string TrackingNumber, ComplaintKind Kind, Category Category, string Subject, string Stage, Urgency Urgency,
    DateTime ReceivedAtUtc, DateTime? DueAtUtc, bool Overdue, string? OwnerId, int EscalationLevel);
