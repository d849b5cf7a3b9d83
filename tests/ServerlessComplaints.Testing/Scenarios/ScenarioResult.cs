using ServerlessComplaints.Workflow.Cases;
using ServerlessComplaints.Workflow.Domain;
using ServerlessComplaints.Workflow.Lifecycle;
using ServerlessComplaints.Workflow.Lifecycle.Events;
using ServerlessComplaints.Workflow.Notifications;
using ServerlessComplaints.Workflow.Orchestration;

namespace ServerlessComplaints.Testing.Scenarios;

/// <summary>What a case left behind, without the clock: engines on different clocks must agree on all of it.</summary>
public sealed record ScenarioResult(
    WorkflowRuntimeStatus RuntimeStatus,
    IReadOnlyList<TimelineLine> Timeline,
    IReadOnlyList<MailLine> Mails,
    OutcomeLine? Outcome,
    RecordLine Record)
{
    public static ScenarioResult From(WorkflowInstanceStatus status, IEnumerable<TimelineEntry> timeline, IEnumerable<OutgoingMail> mails, ComplaintRecord record)
    {
        var outcome = WorkflowJson.Deserialize<WorkflowOutcome>(status.OutputJson);
        return new ScenarioResult(
            status.RuntimeStatus,
            [.. timeline.Select(e => new TimelineLine(e.EntryId, e.Action, e.Actor, e.IsPublic, e.Detail))],
            [.. mails.Select(m => new MailLine(m.NotificationId, m.To, m.Subject))],
            outcome is null ? null : new OutcomeLine(outcome.Outcome, outcome.Reopens, outcome.RetainUntilUtc - outcome.ClosedAtUtc),
            new RecordLine(
                record.Stage, record.Urgency, string.Join("; ", record.AssessmentReasons), record.DepartmentId, record.OwnerId, record.EscalationLevel,
                record.Extended, record.ReopenCount, record.Findings, record.Remedy, record.Reply, record.ExecutionReference, record.SurveyRating,
                record.SurveyComment, record.Outcome, record.ClosedAtUtc is not null, record.RetainUntilUtc - record.ClosedAtUtc));
    }
}

/// <summary>A timeline entry without its time; the entry id is deterministic (tracking number, sequence, action).</summary>
public sealed record TimelineLine(string EntryId, string Action, string Actor, bool IsPublic, string? Detail);

/// <summary>A mail without its body (bodies carry deadlines and single-use links); the id names the kind.</summary>
public sealed record MailLine(string NotificationId, string To, string Subject);

/// <summary>The orchestration output; the retention is kept as a span, the dates differ between clocks.</summary>
public sealed record OutcomeLine(CaseOutcome Outcome, int Reopens, TimeSpan Retention);

/// <summary>The case record's fields that do not depend on the clock.</summary>
public sealed record RecordLine(
    CaseStage Stage,
    Urgency Urgency,
    string AssessmentReasons,
    string? DepartmentId,
    string? OwnerId,
    int EscalationLevel,
    bool Extended,
    int ReopenCount,
    FindingsSubmitted? Findings,
    Remedy? Remedy,
    string? Reply,
    string? ExecutionReference,
    int? SurveyRating,
    string? SurveyComment,
    CaseOutcome? Outcome,
    bool Closed,
    TimeSpan? Retention);
