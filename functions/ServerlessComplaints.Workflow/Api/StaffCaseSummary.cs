using ServerlessComplaints.Workflow.Domain;
using ServerlessComplaints.Workflow.Lifecycle;

namespace ServerlessComplaints.Workflow.Api;

/// <summary>One row of the staff queue.</summary>
public sealed record StaffCaseSummary(
    string TrackingNumber, ComplaintKind Kind, Category Category, string Subject, CaseStage Stage, Urgency Urgency,
    DateTime ReceivedAtUtc, DateTime? DueAtUtc, bool Overdue, string? OwnerId, int EscalationLevel);
