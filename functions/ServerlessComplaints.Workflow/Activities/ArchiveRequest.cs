using ServerlessComplaints.Workflow.Lifecycle;

namespace ServerlessComplaints.Workflow.Activities;

/// <summary>Close and archive a case, keeping it <paramref name="RetentionDays"/> after closing.</summary>
public sealed record ArchiveRequest(string TrackingNumber, DateTime ClosedAtUtc, CaseOutcome Outcome, int RetentionDays);
