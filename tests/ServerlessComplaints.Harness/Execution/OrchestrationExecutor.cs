using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ServerlessComplaints.Harness.History;
using ServerlessComplaints.Workflow.Orchestration;

namespace ServerlessComplaints.Harness.Execution;

/// <summary>
/// The one replay engine. Each episode runs the orchestrator from the start against the full history, exactly as
/// Durable Task does: recorded completions feed the awaits in order, scheduled work must match what the code asks
/// for (or the instance fails with a non-determinism error), and whatever the code asks for beyond the history is
/// the episode's new work.
/// </summary>
public sealed class OrchestrationExecutor(OrchestrationRegistry registry, ExecutorOptions? options = null, ILoggerFactory? loggerFactory = null)
{
    private readonly ExecutorOptions _options = options ?? new ExecutorOptions();
    private readonly ILoggerFactory _loggerFactory = loggerFactory ?? NullLoggerFactory.Instance;

    /// <summary>Runs one episode: replays <paramref name="past"/>, then applies <paramref name="newEvents"/> at <paramref name="nowUtc"/>.</summary>
    public ExecutionResult Execute(string instanceId, IReadOnlyList<HistoryEvent> past, IReadOnlyList<HistoryEvent> newEvents, DateTime nowUtc)
    {
        var scheduler = new SynchronousTaskScheduler();
        var episode = new Episode(instanceId, registry, _options, _loggerFactory);
        try
        {
            // Everything runs on the synchronous scheduler, so orchestrator continuations run inline and in order.
            return Task.Factory.StartNew(
                    () => episode.Run(past, newEvents, nowUtc),
                    CancellationToken.None,
                    TaskCreationOptions.None,
                    scheduler)
                .GetAwaiter().GetResult();
        }
        finally
        {
            scheduler.Close();
        }
    }

    private sealed class Episode(string instanceId, OrchestrationRegistry registry, ExecutorOptions options, ILoggerFactory loggerFactory)
    {
        private readonly ReplayContext _context = new(instanceId, loggerFactory);
        private readonly Dictionary<int, int> _rewoundFailures = [];
        private Task<string?>? _function;

        public ExecutionResult Run(IReadOnlyList<HistoryEvent> past, IReadOnlyList<HistoryEvent> newEvents, DateTime nowUtc)
        {
            var appended = new List<HistoryEvent> { new(HistoryEventType.OrchestratorStarted, nowUtc) };
            appended.AddRange(newEvents);
            foreach (var rewind in past.Concat(newEvents).Where(e => e.Type == HistoryEventType.ExecutionRewound && e.TaskId >= 0))
            {
                // Each rewind voids one failure of its task, oldest first.
                _rewoundFailures[rewind.TaskId] = _rewoundFailures.GetValueOrDefault(rewind.TaskId) + 1;
            }

            try
            {
                _context.IsReplaying = true;
                foreach (var e in past)
                {
                    Apply(e);
                }

                _context.IsReplaying = false;
                foreach (var e in appended)
                {
                    Apply(e);
                }
            }
            catch (NonDeterministicWorkflowException ex)
            {
                return Finish(appended, ex.Message, nowUtc);
            }

            return Complete(appended, nowUtc);
        }

        private void Apply(HistoryEvent e)
        {
            switch (e.Type)
            {
                case HistoryEventType.OrchestratorStarted:
                    _context.CurrentUtcDateTime = DateTime.SpecifyKind(e.TimestampUtc, DateTimeKind.Utc);
                    break;
                case HistoryEventType.ExecutionStarted:
                    _function = registry.Get(e.Name!)(_context, e.Payload);
                    break;
                case HistoryEventType.TaskScheduled:
                    Match(e, ScheduledActionKind.Activity);
                    break;
                case HistoryEventType.TimerCreated:
                    Match(e, ScheduledActionKind.Timer);
                    break;
                case HistoryEventType.TaskCompleted:
                    Scheduled(e, ScheduledActionKind.Activity).Completion.TrySetResult(e.Payload);
                    break;
                case HistoryEventType.TaskFailed when _rewoundFailures.GetValueOrDefault(e.TaskId) > 0:
                    _rewoundFailures[e.TaskId]--;
                    break;
                case HistoryEventType.TaskFailed:
                    var failed = Scheduled(e, ScheduledActionKind.Activity);
                    failed.Completion.TrySetException(new WorkflowActivityFailedException(failed.Name, e.Failure ?? "unknown error"));
                    break;
                case HistoryEventType.TimerFired:
                    var timer = Scheduled(e, ScheduledActionKind.Timer);
                    if (!timer.Cancelled)
                    {
                        timer.Fired = true;
                        timer.Completion.TrySetResult(null);
                    }

                    break;
                case HistoryEventType.EventRaised:
                    _context.Events.Deliver(e.Name!, e.Payload);
                    break;
                case HistoryEventType.ExecutionFailed or HistoryEventType.ExecutionRewound:
                    // A failure followed by a rewind: replay goes on past it.
                    break;
                default:
                    throw new NonDeterministicWorkflowException($"history event {e} cannot be replayed on a running instance.");
            }
        }

        private void Match(HistoryEvent e, ScheduledActionKind kind)
        {
            if (!_context.Actions.TryGetValue(e.TaskId, out var action))
            {
                throw new NonDeterministicWorkflowException(
                    $"the history has {e} but the orchestrator did not schedule task #{e.TaskId} on replay.");
            }

            if (action.Kind != kind || (kind == ScheduledActionKind.Activity && action.Name != e.Name))
            {
                throw new NonDeterministicWorkflowException(
                    $"the history has {e} but on replay the orchestrator scheduled {action.Describe()} in its place.");
            }

            action.InHistory = true;
        }

        private ScheduledAction Scheduled(HistoryEvent e, ScheduledActionKind kind) =>
            _context.Actions.TryGetValue(e.TaskId, out var action) && action.Kind == kind && action.InHistory
                ? action
                : throw new NonDeterministicWorkflowException($"{e} refers to task #{e.TaskId}, which replay did not schedule.");

        private ExecutionResult Complete(List<HistoryEvent> appended, DateTime nowUtc)
        {
            var activities = new List<ActivityRequest>();
            var timers = new List<TimerRequest>();
            foreach (var action in _context.Actions.Values.Where(a => !a.InHistory))
            {
                if (action.Kind == ScheduledActionKind.Activity)
                {
                    appended.Add(new HistoryEvent(HistoryEventType.TaskScheduled, nowUtc) { TaskId = action.TaskId, Name = action.Name, Payload = action.InputJson });
                    activities.Add(new ActivityRequest(action.TaskId, action.Name, action.InputJson));
                }
                else
                {
                    appended.Add(new HistoryEvent(HistoryEventType.TimerCreated, nowUtc) { TaskId = action.TaskId, FireAtUtc = action.FireAtUtc });
                    if (!action.Cancelled)
                    {
                        timers.Add(new TimerRequest(action.TaskId, action.FireAtUtc!.Value));
                    }
                }
            }

            if (_function is null)
            {
                return Finish(appended, "the history has no ExecutionStarted event.", nowUtc);
            }

            var liveTimers = _context.Actions.Values.Where(a => a.Kind == ScheduledActionKind.Timer && a.IsOpen).ToList();
            if (_function.IsCompleted)
            {
                return Ended(appended, activities, timers, liveTimers, nowUtc);
            }

            var waitingOnSomething = _context.Actions.Values.Any(a => a.IsOpen) || _context.Events.LiveWaiters > 0;
            if (!waitingOnSomething)
            {
                return Finish(appended, "the orchestrator awaits a task that is not durable (Task.Delay, Task.Run or I/O in orchestrator code).", nowUtc);
            }

            return new ExecutionResult(appended, activities, timers, _context.CancelledTimers, WorkflowRuntimeStatus.Running, _context.CustomStatusJson, null, null);
        }

        private ExecutionResult Ended(List<HistoryEvent> appended, List<ActivityRequest> activities, List<TimerRequest> timers, List<ScheduledAction> liveTimers, DateTime nowUtc)
        {
            if (_function!.IsFaulted)
            {
                var error = _function.Exception!.InnerException ?? _function.Exception;
                return Finish(appended, $"{error.GetType().Name}: {error.Message}", nowUtc);
            }

            if (_function.IsCanceled)
            {
                return Finish(appended, "the orchestrator ended with an unhandled cancellation (a cancelled timer or wait was awaited).", nowUtc);
            }

            if (liveTimers.Count > 0)
            {
                if (options.UncancelledTimers == UncancelledTimerPolicy.Fail)
                {
                    var names = string.Join(", ", liveTimers.Select(t => t.Describe()));
                    return Finish(appended, $"the orchestrator returned with timers neither fired nor cancelled ({names}); cancel the timers that lose a race.", nowUtc);
                }

                // Durable keeps such an instance running until its timers fire.
                return new ExecutionResult(appended, activities, timers, _context.CancelledTimers, WorkflowRuntimeStatus.Running, _context.CustomStatusJson, null, null);
            }

            var output = _function.Result;
            appended.Add(new HistoryEvent(HistoryEventType.ExecutionCompleted, nowUtc) { Payload = output });
            return new ExecutionResult(appended, [], [], _context.CancelledTimers, WorkflowRuntimeStatus.Completed, _context.CustomStatusJson, output, null);
        }

        private ExecutionResult Finish(List<HistoryEvent> appended, string failure, DateTime nowUtc)
        {
            appended.Add(new HistoryEvent(HistoryEventType.ExecutionFailed, nowUtc) { Failure = failure });
            var openTimers = _context.Actions.Values.Where(a => a.Kind == ScheduledActionKind.Timer && a.InHistory && a.IsOpen).Select(a => a.TaskId);
            return new ExecutionResult(appended, [], [], openTimers.Concat(_context.CancelledTimers).Distinct().ToList(), WorkflowRuntimeStatus.Failed, _context.CustomStatusJson, null, failure);
        }
    }
}
