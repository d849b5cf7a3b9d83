using System.Text.Json;
using ServerlessComplaints.Workflow.Cases;
using ServerlessComplaints.Workflow.Lifecycle;
using ServerlessComplaints.Workflow.Orchestration;

namespace ServerlessComplaints.Workflow.Retention;

/// <summary>
/// What is kept after the retention sweep deleted a case: its shape and dates, never the customer's name, email or
/// phone, the subject, the description or staff notes. Kind and category are wire names ("complaint", "product-quality").
/// </summary>
public sealed record DeletionRecord(
    string TrackingNumber,
    string Kind,
    string Category,
    CaseOutcome? Outcome,
    DateTime ReceivedAtUtc,
    DateTime ClosedAtUtc,
    DateTime RetainUntilUtc,
    DateTime DeletedAtUtc,
    int EvidenceFilesDeleted,
    int TimelineEntriesDeleted)
{
    /// <summary>The deletion record of an archived case; only non-personal fields are copied.</summary>
    public static DeletionRecord Of(ComplaintRecord record, DateTime deletedAtUtc, int evidenceFiles, int timelineEntries)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new DeletionRecord(
            record.TrackingNumber,
            WireName(record.Details.Kind),
            WireName(record.Details.Category),
            record.Outcome,
            record.Details.ReceivedAtUtc,
            record.ClosedAtUtc ?? throw new ArgumentException("The case is not closed.", nameof(record)),
            record.RetainUntilUtc ?? throw new ArgumentException("The case has no retention date.", nameof(record)),
            deletedAtUtc,
            evidenceFiles,
            timelineEntries);
    }

    private static string WireName<T>(T value)
        where T : struct, Enum => JsonSerializer.Serialize(value, WorkflowJson.Options).Trim('"');
}
