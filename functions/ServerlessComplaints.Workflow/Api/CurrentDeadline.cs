using System.Text.Json.Serialization;
using ServerlessComplaints.Workflow.Calendar;
using ServerlessComplaints.Workflow.Cases;
using ServerlessComplaints.Workflow.Lifecycle;

namespace ServerlessComplaints.Workflow.Api;

/// <summary>The clock that applies to a case now, for the customer, and when it runs out.</summary>
public sealed record CurrentDeadline(DeadlineClock Clock, DateTime DueAtUtc);

/// <summary>The customer-facing clocks; each has one wire name (the status page's "Status.Clock.offer-answer").</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DeadlineClock>))]
public enum DeadlineClock
{
    /// <summary>The centre's answer, intake to approval.</summary>
    [JsonStringEnumMemberName("response")] Response,

    /// <summary>The customer's window on an offer.</summary>
    [JsonStringEnumMemberName("offer-answer")] OfferAnswer,

    /// <summary>Carrying out the remedy.</summary>
    [JsonStringEnumMemberName("execution")] Execution,

    /// <summary>When the survey comes.</summary>
    [JsonStringEnumMemberName("follow-up")] FollowUp,

    /// <summary>The survey's window.</summary>
    [JsonStringEnumMemberName("survey")] Survey,
}

/// <summary>
/// Works out <see cref="CurrentDeadline"/> from the stage, the record and the timeline with the workflow's own
/// settings and calendar — the same spans the orchestration's timers use; none once the case is closed.
/// </summary>
public sealed class CurrentDeadlines(SlaClock clock, WorkflowSettings settings)
{
    public CurrentDeadline? For(CaseStage stage, ComplaintRecord record, IReadOnlyList<TimelineEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(entries);
        if (record.ClosedAtUtc is not null || record.Outcome is not null)
        {
            return null;
        }

        DateTime? Last(params string[] codes) => LastOf(entries, codes);
        var response = record.DueAtUtc is { } due ? new CurrentDeadline(DeadlineClock.Response, due) : null;
        switch (stage)
        {
            case CaseStage.Intake or CaseStage.Investigation or CaseStage.Approval:
                return response;
            case CaseStage.Resolution:
                var offered = Last(TimelineCodes.OfferSent);
                var answered = Last(TimelineCodes.OfferAccepted, TimelineCodes.OfferDeclined);
                return offered is { } sent && (answered is null || answered < sent)
                    ? new CurrentDeadline(DeadlineClock.OfferAnswer, sent + settings.OfferResponseWindow)
                    : response;
            case CaseStage.Execution:
                return Last(TimelineCodes.ExecutionRequested) is { } requested
                    ? new CurrentDeadline(DeadlineClock.Execution, clock.Deadline(requested, SlaSpan.FromWorkingDays(settings.ExecutionWindowWorkingDays)))
                    : null;
            case CaseStage.FollowUp:
                return Last(TimelineCodes.SurveySent) is { } survey
                    ? new CurrentDeadline(DeadlineClock.Survey, survey + settings.SurveyWindow)
                    : Last(TimelineCodes.Executed) is { } executed ? new CurrentDeadline(DeadlineClock.FollowUp, executed + settings.FollowUpDelay) : null;
            default:
                return null;
        }
    }

    /// <summary>
    /// Every clock the case has started, in the order they run, for staff: the response deadline, then (each from
    /// its latest start) the customer's window on the offer, execution, the follow-up and the survey's window.
    /// </summary>
    public IReadOnlyList<CurrentDeadline> Every(ComplaintRecord record, IReadOnlyList<TimelineEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(entries);
        var clocks = new List<CurrentDeadline>();
        if (record.DueAtUtc is { } due)
        {
            clocks.Add(new CurrentDeadline(DeadlineClock.Response, due));
        }

        if (LastOf(entries, TimelineCodes.OfferSent) is { } offered)
        {
            clocks.Add(new CurrentDeadline(DeadlineClock.OfferAnswer, offered + settings.OfferResponseWindow));
        }

        if (LastOf(entries, TimelineCodes.ExecutionRequested) is { } requested)
        {
            clocks.Add(new CurrentDeadline(DeadlineClock.Execution, clock.Deadline(requested, SlaSpan.FromWorkingDays(settings.ExecutionWindowWorkingDays))));
        }

        if (LastOf(entries, TimelineCodes.Executed) is { } executed)
        {
            clocks.Add(new CurrentDeadline(DeadlineClock.FollowUp, executed + settings.FollowUpDelay));
        }

        if (LastOf(entries, TimelineCodes.SurveySent) is { } survey)
        {
            clocks.Add(new CurrentDeadline(DeadlineClock.Survey, survey + settings.SurveyWindow));
        }

        return clocks;
    }

    private static DateTime? LastOf(IReadOnlyList<TimelineEntry> entries, params string[] codes) =>
        entries.Where(e => codes.Contains(e.Action)).Select(e => (DateTime?)e.AtUtc).Max();
}
