using ServerlessComplaints.Workflow.Cases;
using ServerlessComplaints.Workflow.Domain;
using ServerlessComplaints.Workflow.Lifecycle;

namespace ServerlessComplaints.Workflow.Workspace;

/// <summary>What the queue knows of a case: the row's fields, whether it is open, and the record version it was taken from.</summary>
internal sealed record QueueCase(
    string TrackingNumber,
    ComplaintKind Kind,
    Category Category,
    string Subject,
    string CustomerName,
    string? Location,
    CaseStage Stage,
    string? OwnerId,
    string? DepartmentId,
    int EscalationLevel,
    Urgency Urgency,
    DateTime ReceivedAtUtc,
    DateTime? DueAtUtc,
    bool Open,
    long Version)
{
    public static QueueCase Of(ComplaintRecord record, long version) => new(
        record.TrackingNumber,
        record.Details.Kind,
        record.Details.Category,
        record.Details.Subject,
        record.Details.Customer.Name,
        record.Details.Location,
        record.Stage,
        record.OwnerId,
        record.DepartmentId,
        record.EscalationLevel,
        record.Urgency,
        Utc(record.Details.ReceivedAtUtc),
        record.DueAtUtc is { } due ? Utc(due) : null,
        IsOpen(record),
        version);

    /// <summary>Open until closed: closed and archived cases (or any with a closing time) leave the working queue; failed ones stay.</summary>
    public static bool IsOpen(ComplaintRecord record) =>
        record.ClosedAtUtc is null && record.Stage is not (CaseStage.Closed or CaseStage.Archived);

    public StaffQueueRow ToRow(SlaCountdown sla) => new(
        TrackingNumber, Kind, Category, Subject, CustomerName, Location, Stage, OwnerId, DepartmentId, EscalationLevel, Urgency,
        ReceivedAtUtc, DueAtUtc, sla);

    private static DateTime Utc(DateTime value) =>
        value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : DateTime.SpecifyKind(value, DateTimeKind.Utc);
}
