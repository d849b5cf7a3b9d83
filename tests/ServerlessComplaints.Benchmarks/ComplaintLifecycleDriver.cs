using Microsoft.Extensions.DependencyInjection;
using ServerlessComplaints.Runtime.Activities;
using ServerlessComplaints.Runtime.Dispatch;
using ServerlessComplaints.Runtime.Execution;
using ServerlessComplaints.Runtime.Hosting;
using ServerlessComplaints.Runtime.Storage;
using ServerlessComplaints.Workflow.Activities;
using ServerlessComplaints.Workflow.Calendar;
using ServerlessComplaints.Workflow.Domain;
using ServerlessComplaints.Workflow.Intake;
using ServerlessComplaints.Workflow.Lifecycle;
using ServerlessComplaints.Workflow.Lifecycle.Events;
using ServerlessComplaints.Workflow.Orchestration;
using ServerlessComplaints.Workflow.Setup;

namespace ServerlessComplaints.Benchmarks;

/// <summary>
/// The runtime used directly: the complaint workflow on a <see cref="WorkflowDispatcher"/> over a given history store,
/// activities from dependency injection with in-memory case stores, and a manual clock, so the one timer of the happy
/// path (the 1 ms follow-up delay) fires as soon as the clock is moved.
/// </summary>
internal sealed class ComplaintLifecycleDriver : IAsyncDisposable
{
    // Monday 23 November 2026, 10:00 in Shanghai: a working day in the CN calendar.
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 2, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan FollowUpDelay = TimeSpan.FromMilliseconds(1);

    private readonly ServiceProvider _services;
    private readonly CaseIntake _intake;
    private readonly BusinessCalendar _calendar;
    private readonly CountingActivityInvoker _activities;
    private int _steps;

    public ComplaintLifecycleDriver(IHistoryStore store)
    {
        Clock = new ManualTimeProvider(Start);
        var settings = new ComplaintCentreSettings { Workflow = new WorkflowSettings { FollowUpDelay = FollowUpDelay } };
        _services = new ServiceCollection().AddSingleton<TimeProvider>(Clock).AddComplaintWorkflow(settings).AddInMemoryCaseStores().BuildServiceProvider();
        _activities = new CountingActivityInvoker(new ServiceProviderActivityInvoker(_services, ComplaintActivities.All));
        var executor = new OrchestrationExecutor(ComplaintOrchestrations.CreateRegistry(), new ExecutorOptions { UncancelledTimers = UncancelledTimerPolicy.KeepRunning });
        Dispatcher = new WorkflowDispatcher(store, executor, _activities, Clock);
        _calendar = _services.GetRequiredService<BusinessCalendar>();
        _intake = new CaseIntake(_services.GetRequiredService<IntakeValidator>(), Dispatcher, _calendar, settings.Workflow, Clock);
    }

    public ManualTimeProvider Clock { get; }

    public WorkflowDispatcher Dispatcher { get; }

    /// <summary>Orchestration steps (episodes) run so far.</summary>
    public int Episodes => _steps - _activities.Count;

    public int Activities => _activities.Count;

    /// <summary>Takes in <paramref name="count"/> complaints and runs them until each waits for its findings.</summary>
    public async Task<IReadOnlyList<string>> SubmitAsync(int count, CancellationToken cancellationToken)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        while (ids.Count < count)
        {
            var id = TrackingNumber.New(Clock.GetUtcNow().UtcDateTime, _calendar.TimeZone);
            if (ids.Add(id) && !(await _intake.SubmitAsync(ComplaintSamples.Submission(ids.Count), Channel.Web, trackingNumber: id, cancellationToken: cancellationToken)).Accepted)
            {
                throw new InvalidOperationException("The sample complaint was rejected by intake.");
            }
        }

        await SettleAsync(cancellationToken);
        return [.. ids];
    }

    /// <summary>The happy path after intake: findings, the customer accepts, execution, the follow-up timer, a 5-star survey.</summary>
    public async Task ResolveAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        await RaiseAsync(ids, WorkflowEvents.Findings, new FindingsSubmitted("zhang.wei", "heating plate defect", ResponsibleParty.Company, "batch 2611", new Remedy(RemedyType.Exchange, null, "换新")), cancellationToken);
        await RaiseAsync(ids, WorkflowEvents.CustomerResponse, new OfferResponse(true), cancellationToken);
        await RaiseAsync(ids, WorkflowEvents.Execution, new ExecutionConfirmed("zhang.wei", "EX-1"), cancellationToken);
        Clock.SetUtcNow(Clock.GetUtcNow() + FollowUpDelay);
        await SettleAsync(cancellationToken);
        await RaiseAsync(ids, WorkflowEvents.Survey, new SurveyAnswered(5, "很满意"), cancellationToken);
    }

    /// <summary>How many of the cases completed with the outcome "resolved".</summary>
    public async Task<int> CountResolvedAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        var resolved = 0;
        using var excluded = StorageRequestMeter.Exclude();
        foreach (var id in ids)
        {
            var status = await Dispatcher.GetStatusAsync(id, cancellationToken);
            if (status?.RuntimeStatus == WorkflowRuntimeStatus.Completed && WorkflowJson.Deserialize<WorkflowOutcome>(status.OutputJson)?.Outcome == CaseOutcome.Resolved)
            {
                resolved++;
            }
        }

        return resolved;
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();

    private async Task RaiseAsync(IReadOnlyList<string> ids, string eventName, object payload, CancellationToken cancellationToken)
    {
        foreach (var id in ids)
        {
            // The driver's status read stays out of the storage count, as on the other engine.
            WorkflowInstanceStatus? status;
            using (StorageRequestMeter.Exclude())
            {
                status = await Dispatcher.GetStatusAsync(id, cancellationToken);
            }

            await Dispatcher.RaiseEventAsync(id, eventName, ExpectedEvents.ForCurrentRound(status?.CustomStatusJson, eventName, payload), cancellationToken);
        }

        await SettleAsync(cancellationToken);
    }

    private async Task SettleAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var fired = await Dispatcher.FireDueTimersAsync(cancellationToken);
            var steps = await Dispatcher.RunUntilIdleAsync(cancellationToken: cancellationToken);
            _steps += steps;
            if (fired == 0 && steps == 0)
            {
                return;
            }
        }
    }
}
