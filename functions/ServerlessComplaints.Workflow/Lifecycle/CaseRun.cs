using ServerlessComplaints.Workflow.Activities;
using ServerlessComplaints.Workflow.Calendar;
using ServerlessComplaints.Workflow.Cases;
using ServerlessComplaints.Workflow.Domain;
using ServerlessComplaints.Workflow.Notifications;
using ServerlessComplaints.Workflow.Orchestration;

namespace ServerlessComplaints.Workflow.Lifecycle;

/// <summary>
/// One run of the orchestrator over one case: what it knows so far and the steps every stage shares. All state is
/// rebuilt by replay, so everything here must be deterministic.
/// </summary>
internal sealed class CaseRun(IWorkflowContext context, ComplaintWorkflowInput input)
{
    private readonly WorkflowRetryPolicy _retry = new(input.Settings.ActivityAttempts, input.Settings.ActivityFirstRetry, 2.0, TimeSpan.FromMinutes(5));
    private int _sequence = 1; // 000 and 001 are written by SaveComplaint and AssessComplaint
    private readonly Dictionary<string, int> _rounds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _nextRounds = new(StringComparer.Ordinal);
    private readonly List<CaseExpectation> _expecting = [];
    private readonly Microsoft.Extensions.Logging.ILogger _log = context.CreateReplaySafeLogger(typeof(ComplaintWorkflow).FullName!);

    public IWorkflowContext Context => context;

    /// <summary>Version 2 on: an answer must carry the round of the expectation it answers.</summary>
    public bool ChecksRounds => input.Version >= 2;

    public ComplaintDetails Details => input.Details;

    public WorkflowSettings Settings => input.Settings;

    public string TrackingNumber => Details.TrackingNumber;

    public DateTime Now => context.CurrentUtcDateTime;

    public CaseStage Stage { get; set; } = CaseStage.Intake;

    public Urgency Urgency { get; set; }

    public string DepartmentId { get; private set; } = "";

    public string OwnerId { get; private set; } = "";

    public string ManagerId { get; private set; } = "";

    public string CentreHeadId { get; private set; } = "";

    public SlaPlan? Plan { get; set; }

    public int EscalationLevel { get; set; }

    public int Reopens { get; set; }

    public void Apply(CaseAssessment assessment)
    {
        Urgency = assessment.Urgency;
        DepartmentId = assessment.DepartmentId;
        OwnerId = assessment.OwnerId;
        ManagerId = assessment.ManagerId;
        CentreHeadId = assessment.CentreHeadId;
        Plan = assessment.Plan;
    }

    public void PublishStatus(CaseStage stage)
    {
        Stage = stage;
        context.SetCustomStatus(new CaseStatus(stage, Plan?.DueUtc, EscalationLevel, OwnerId, [.. _expecting]));
    }

    /// <summary>
    /// Opens the next round of <paramref name="eventName"/>, assigned to a staff id or the customer, and publishes it;
    /// returns the open one if there is one. Opened before the mail that asks for the answer, so that an answer
    /// given at once is taken (it waits in the event queue until the wait is created).
    /// </summary>
    public CaseExpectation Expect(string eventName, string assignee, decimal? amount = null)
    {
        if (_expecting.FirstOrDefault(e => e.EventName == eventName) is { } open)
        {
            return open;
        }

        var expectation = new CaseExpectation(eventName, NextRound(eventName), assignee, amount);
        _rounds[eventName] = _rounds.GetValueOrDefault(eventName) + 1;
        _nextRounds.Remove(eventName);
        _expecting.Add(expectation);
        PublishStatus(Stage);
        return expectation;
    }

    /// <summary>
    /// Waits for the answer to <paramref name="expectation"/>. From version 2, an event of the same name for another
    /// round (a stale link, an answer to an earlier offer) is dropped and logged, never kept for a later wait.
    /// </summary>
    public async Task<T> WaitAsync<T>(CaseExpectation expectation, CancellationToken cancellationToken = default)
        where T : Events.IExpectedEvent
    {
        try
        {
            while (true)
            {
                var answer = await context.WaitForExternalEvent<T>(expectation.EventName, cancellationToken);
                if (!ChecksRounds || answer.Round == expectation.Round)
                {
                    return answer;
                }

                WorkflowLog.StaleEventDropped(_log, TrackingNumber, expectation.EventName, answer.Round, expectation.Round);
            }
        }
        finally
        {
            _expecting.Remove(expectation);
            PublishStatus(Stage);
        }
    }

    /// <summary>The round the next expectation of <paramref name="eventName"/> will have, or the open one's.</summary>
    private string RoundFor(string eventName) =>
        _expecting.FirstOrDefault(e => e.EventName == eventName)?.Round ?? NextRound(eventName);

    // "{event}-{n}-{random}": readable, and unguessable so that nobody can post an answer ahead of its wait.
    private string NextRound(string eventName)
    {
        if (!_nextRounds.TryGetValue(eventName, out var round))
        {
            var n = (_rounds.GetValueOrDefault(eventName) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            round = $"{eventName}-{n}-{context.NewGuid().ToString("N")[..12]}";
            _nextRounds[eventName] = round;
        }

        return round;
    }

    public Task<T> Call<T>(string activity, object input) => context.CallActivityAsync<T>(activity, input, _retry);

    public Task<NotificationResult> Notify(NotificationKind kind, string recipient, Dictionary<string, string>? data = null, DateTime? dueAtUtc = null)
    {
        var linkAction = LinkActionFor(kind);
        var round = linkAction is null ? null : RoundFor(Authorization.CaseActions.EventOfLink(linkAction));
        return Call<NotificationResult>(
            nameof(SendNotification),
            new NotificationRequest(NextId(kind.ToString().ToLowerInvariant()), TrackingNumber, kind, recipient, data, dueAtUtc, linkAction) { Round = round });
    }

    /// <summary>The action a mail's link lets its recipient take, from the mail's kind and the case's stage.</summary>
    private string? LinkActionFor(NotificationKind kind) => kind switch
    {
        NotificationKind.Assignment or NotificationKind.Reopened => InvestigationAction,
        NotificationKind.Reminder => Stage switch
        {
            CaseStage.Resolution => "offer",
            CaseStage.Execution => "execute",
            _ => InvestigationAction,
        },
        NotificationKind.ApprovalRequest => "approval",
        NotificationKind.ApprovalRejected or NotificationKind.RevisionRequest or NotificationKind.NegotiationEscalated => "offer",
        NotificationKind.Offer or NotificationKind.OfferReminder => "customer-response",
        NotificationKind.ExecutionRequest => "execute",
        NotificationKind.Survey => "survey",
        _ => null,
    };

    private string InvestigationAction => Details.Kind switch
    {
        ComplaintKind.Inquiry => "answer",
        ComplaintKind.Suggestion => "review",
        _ => "findings",
    };

    /// <summary>
    /// Appends a timeline entry with its code (<see cref="TimelineCodes"/>) and parameters, the person's own words
    /// (<see cref="TimelineParameters.Text"/>) as its detail, changing the record fields that <paramref name="change"/>
    /// sets. What the entry carries only changes the activity's input, never which activities run, so running cases
    /// (whose earlier inputs held an English detail) replay unchanged.
    /// </summary>
    public Task Record(string actor, string action, bool isPublic, Func<CaseProgress, CaseProgress>? change = null, Dictionary<string, string>? parameters = null)
    {
        parameters ??= [];
        var progress = new CaseProgress(TrackingNumber, NextId(action), Now, actor, action, parameters.GetValueOrDefault(TimelineParameters.Text), isPublic)
        {
            Stage = Stage,
            Parameters = parameters,
        };
        return Call<bool>(nameof(RecordProgress), change is null ? progress : change(progress));
    }

    public Task<SlaPlan> PlanAsync(DeadlineRequest request) => Call<SlaPlan>(nameof(PlanDeadline), request);

    /// <summary>
    /// Waits for the first of <paramref name="waits"/>, doing each checkpoint's action when its time comes first,
    /// then giving up (null) at <paramref name="giveUpAtUtc"/> if set. The waits are created once by the caller
    /// and never re-created here; every losing timer is cancelled.
    /// </summary>
    public async Task<Task?> RaceAsync(IReadOnlyList<Task> waits, IEnumerable<Checkpoint> checkpoints, DateTime? giveUpAtUtc = null)
    {
        var points = checkpoints.Where(c => c.AtUtc > Now && (giveUpAtUtc is null || c.AtUtc < giveUpAtUtc)).OrderBy(c => c.AtUtc).ToList();
        if (giveUpAtUtc is { } giveUp)
        {
            points.Add(new Checkpoint(giveUp, () => Task.CompletedTask));
        }

        for (var i = 0; i < points.Count; i++)
        {
            using var cts = new CancellationTokenSource();
            var timer = context.CreateTimer(points[i].AtUtc, cts.Token);
            var winner = await Task.WhenAny([.. waits, timer]);
            if (winner != timer)
            {
                cts.Cancel();
                return winner;
            }

            if (giveUpAtUtc is not null && i == points.Count - 1)
            {
                return null;
            }

            await points[i].Action();
        }

        return await Task.WhenAny(waits);
    }

    /// <summary>Reminders to <paramref name="assignee"/> at the plan's fractions, escalations to manager then centre head.</summary>
    public IEnumerable<Checkpoint> SlaCheckpoints(SlaPlan plan, string assignee, string what) =>
        plan.Checkpoints.Select(point => new Checkpoint(point.AtUtc, point.Kind == SlaCheckpointKind.Reminder
            ? () => RemindAsync(assignee, point.Percent, plan.DueUtc, what)
            : () => EscalateAsync(point.Level, plan.DueUtc, what)));

    private async Task RemindAsync(string assignee, int percent, DateTime dueUtc, string what)
    {
        await Notify(NotificationKind.Reminder, assignee, new() { ["percent"] = percent.ToString(System.Globalization.CultureInfo.InvariantCulture) }, dueUtc);
        await Record("system", TimelineCodes.ReminderSent, isPublic: false,
            parameters: new() { [TimelineParameters.Percent] = TimelineParameters.Number(percent), [TimelineParameters.Task] = TaskOf(what) });
    }

    private async Task EscalateAsync(int level, DateTime dueUtc, string what)
    {
        EscalationLevel = Math.Max(EscalationLevel, level);
        var to = level == 1 ? ManagerId : CentreHeadId;
        PublishStatus(Stage);
        await Notify(NotificationKind.Escalation, to, new() { ["level"] = level.ToString(System.Globalization.CultureInfo.InvariantCulture) }, dueUtc);
        await Record("system", TimelineCodes.Escalated, isPublic: false,
            p => p with { EscalationLevel = EscalationLevel },
            new()
            {
                [TimelineParameters.Task] = TaskOf(what),
                [TimelineParameters.Role] = Localization.WireNames.Of(level == 1 ? StaffRole.Manager : StaffRole.CentreHead),
                [TimelineParameters.To] = to,
            });
    }

    /// <summary>The task code (<c>Task.*</c> resources) of what a reminder or escalation is about.</summary>
    private static string TaskOf(string what) => what switch
    {
        _ when what.StartsWith("final offer", StringComparison.Ordinal) => "final-offer",
        _ when what.StartsWith("revision", StringComparison.Ordinal) || what.StartsWith("negotiation", StringComparison.Ordinal) => "revision",
        _ => what,
    };

    private string NextId(string what) => $"{TrackingNumber}-{++_sequence:D3}-{what}";
}
