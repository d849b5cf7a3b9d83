using ServerlessComplaints.Workflow.Calendar;
using ServerlessComplaints.Workflow.Cases;
using ServerlessComplaints.Workflow.Lifecycle;

namespace ServerlessComplaints.Workflow.Api;

/// <summary>
/// The clock that applies to a case now, for the customer: <see cref="Clock"/> is "response" (the centre's answer,
/// intake to approval), "offer-answer" (the customer's window on an offer), "execution" (carrying out the remedy),
/// "follow-up" (when the survey comes) or "survey" (the survey's window).
/// </summary>
public sealed record CurrentDeadline(string Clock, DateTime DueAtUtc)
{
    public const string Response = "response";
    public const string OfferAnswer = "offer-answer";
    public const string Execution = "execution";
    public const string FollowUp = "follow-up";
    public const string Survey = "survey";

    public static IReadOnlyList<string> All { get; } = [Response, OfferAnswer, Execution, FollowUp, Survey];
}

/// <summary>
/// Works out <see cref="CurrentDeadline"/> from the stage, the record and the timeline with the workflow's own
/// settings and calendar — the same spans the orchestration's timers use; none once the case is closed.
/// </summary>
public sealed class CurrentDeadlines(SlaClock clock, WorkflowSettings settings)
{
    public CurrentDeadline? For(string stage, ComplaintRecord record, IReadOnlyList<TimelineEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(entries);
        if (record.ClosedAtUtc is not null || record.Outcome is not null)
        {
            return null;
        }

        DateTime? Last(params string[] codes) => entries.Where(e => codes.Contains(e.Action)).Select(e => (DateTime?)e.AtUtc).Max();
        var response = record.DueAtUtc is { } due ? new CurrentDeadline(CurrentDeadline.Response, due) : null;
        switch (stage)
        {
            case CaseStage.Intake or CaseStage.Investigation or CaseStage.Approval:
                return response;
            case CaseStage.Resolution:
                var offered = Last(TimelineCodes.OfferSent);
                var answered = Last(TimelineCodes.OfferAccepted, TimelineCodes.OfferDeclined);
                return offered is { } sent && (answered is null || answered < sent)
                    ? new CurrentDeadline(CurrentDeadline.OfferAnswer, sent + settings.OfferResponseWindow)
                    : response;
            case CaseStage.Execution:
                return Last(TimelineCodes.ExecutionRequested) is { } requested
                    ? new CurrentDeadline(CurrentDeadline.Execution, clock.Deadline(requested, SlaSpan.FromWorkingDays(settings.ExecutionWindowWorkingDays)))
                    : null;
            case CaseStage.FollowUp:
                return Last(TimelineCodes.SurveySent) is { } survey
                    ? new CurrentDeadline(CurrentDeadline.Survey, survey + settings.SurveyWindow)
                    : Last(TimelineCodes.Executed) is { } executed ? new CurrentDeadline(CurrentDeadline.FollowUp, executed + settings.FollowUpDelay) : null;
            default:
                return null;
        }
    }
}
