using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ServerlessComplaints.Harness.Activities;
using ServerlessComplaints.Harness.Execution;
using ServerlessComplaints.Harness.History;
using ServerlessComplaints.Harness.Storage;
using ServerlessComplaints.Workflow.Orchestration;

namespace ServerlessComplaints.Harness.Dispatch;

/// <summary>
/// Runs orchestration steps and activities over a history store and implements <see cref="IWorkflowClient"/>.
/// One node by design: the next due timers and the ready work live in memory, rebuilt from the store by
/// <see cref="RecoverAsync"/>. Steps run one at a time, in the order their work arrived.
/// </summary>
public sealed partial class WorkflowDispatcher(
    IHistoryStore store,
    OrchestrationExecutor executor,
    IActivityInvoker activities,
    TimeProvider time,
    ILogger<WorkflowDispatcher>? logger = null) : IWorkflowClient
{
    private readonly ILogger _logger = logger ?? NullLogger<WorkflowDispatcher>.Instance;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly SortedSet<PendingTimer> _timers = new(TimerOrder.Instance);
    private readonly Queue<PendingActivity> _work = new();
    private readonly Queue<string> _ready = new();
    private readonly HashSet<string> _readySet = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _signal = new(0, int.MaxValue);

    /// <summary>The earliest pending timer, if any.</summary>
    public DateTime? NextTimerDueUtc
    {
        get
        {
            lock (_timers)
            {
                return _timers.Count == 0 ? null : _timers.Min!.FireAtUtc;
            }
        }
    }

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>Rebuilds the in-memory timers, work and ready instances from the store (at start-up).</summary>
    public async Task RecoverAsync(CancellationToken cancellationToken = default)
    {
        lock (_timers)
        {
            _timers.Clear();
        }

        lock (_work)
        {
            _work.Clear();
        }

        foreach (var timer in await store.GetTimersAsync(cancellationToken))
        {
            AddTimer(timer);
        }

        foreach (var work in await store.GetActivitiesAsync(cancellationToken))
        {
            _work.Enqueue(work);
        }

        foreach (var id in await store.GetInstancesWithInboxAsync(cancellationToken))
        {
            MarkReady(id);
        }
    }

    public async Task StartAsync(string orchestrationName, string instanceId, object? input, CancellationToken cancellationToken = default)
    {
        var now = Now;
        var inputJson = WorkflowJson.Serialize(input);
        var record = new InstanceRecord(instanceId, orchestrationName, WorkflowRuntimeStatus.Pending, inputJson, now, now);
        var started = new HistoryEvent(HistoryEventType.ExecutionStarted, now) { Name = orchestrationName, Payload = inputJson };
        if (!await store.CreateAsync(record, started, cancellationToken))
        {
            throw new InvalidOperationException($"An instance with id '{instanceId}' already exists.");
        }

        MarkReady(instanceId);
    }

    public async Task RaiseEventAsync(string instanceId, string eventName, object? payload, CancellationToken cancellationToken = default)
    {
        var instance = await store.GetAsync(instanceId, cancellationToken)
            ?? throw new InvalidOperationException($"No instance with id '{instanceId}'.");
        if (instance.IsTerminal)
        {
            LogEventDropped(eventName, instanceId, instance.Status);
            return;
        }

        var raised = new HistoryEvent(HistoryEventType.EventRaised, Now) { Name = eventName, Payload = WorkflowJson.Serialize(payload) };
        await store.AppendInboxAsync(instanceId, raised, cancellationToken);
        MarkReady(instanceId);
    }

    public async Task<WorkflowInstanceStatus?> GetStatusAsync(string instanceId, CancellationToken cancellationToken = default) =>
        (await store.GetAsync(instanceId, cancellationToken))?.ToStatus();

    public Task<IReadOnlyList<HistoryEvent>> GetHistoryAsync(string instanceId, CancellationToken cancellationToken = default) =>
        store.GetHistoryAsync(instanceId, cancellationToken);

    public async Task TerminateAsync(string instanceId, string? reason, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var snapshot = await store.LoadAsync(instanceId, cancellationToken)
                ?? throw new InvalidOperationException($"No instance with id '{instanceId}'.");
            if (snapshot.Instance.IsTerminal)
            {
                return;
            }

            var now = Now;
            var terminated = new HistoryEvent(HistoryEventType.ExecutionTerminated, now) { Failure = reason };
            var record = snapshot.Instance with { Status = WorkflowRuntimeStatus.Terminated, Failure = reason, LastUpdatedAtUtc = now };
            await store.CommitAsync(new EpisodeCommit(record, snapshot.Instance.Version, [terminated], snapshot.Inbox.Count, [], [], [], DropAllWork: true) { ConsumedInboxKeys = snapshot.InboxKeys }, cancellationToken);
            ForgetWork(instanceId);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<bool> PurgeAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        var instance = await store.GetAsync(instanceId, cancellationToken);
        if (instance is null)
        {
            return false;
        }

        if (!instance.IsTerminal)
        {
            throw new InvalidOperationException($"Instance '{instanceId}' is {instance.Status}: only completed, failed or terminated instances can be purged.");
        }

        ForgetWork(instanceId);
        return await store.PurgeAsync(instanceId, cancellationToken);
    }

    /// <summary>Waits until new work or a new timer arrives, or <paramref name="timeout"/> passes.</summary>
    public async Task WaitForWorkAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        if (await _signal.WaitAsync(timeout, cancellationToken))
        {
            // Collapse a burst of signals into one wake-up.
            while (_signal.CurrentCount > 0 && _signal.Wait(0, CancellationToken.None))
            {
            }
        }
    }

    /// <summary>Moves every timer due at or before now into its instance's inbox.</summary>
    public async Task<int> FireDueTimersAsync(CancellationToken cancellationToken = default)
    {
        var fired = 0;
        while (TakeDueTimer(Now) is { } timer)
        {
            var e = new HistoryEvent(HistoryEventType.TimerFired, Now) { TaskId = timer.TaskId, FireAtUtc = timer.FireAtUtc };
            await store.FireTimerAsync(timer, e, cancellationToken);
            MarkReady(timer.InstanceId);
            fired++;
        }

        return fired;
    }

    /// <summary>Runs orchestration steps and activities until nothing is ready; returns the number of steps taken.</summary>
    public async Task<int> RunUntilIdleAsync(int maxSteps = 100_000, CancellationToken cancellationToken = default)
    {
        var steps = 0;
        while (steps < maxSteps && await RunOneAsync(cancellationToken))
        {
            steps++;
        }

        return steps;
    }

    /// <summary>Runs one orchestration step, or else one activity; false when there was nothing to do.</summary>
    public async Task<bool> RunOneAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (TryDequeue(_ready, out var instanceId))
            {
                _readySet.Remove(instanceId);
                await RunEpisodeAsync(instanceId, cancellationToken);
                return true;
            }

            if (TryDequeue(_work, out var work))
            {
                await RunActivityAsync(work, cancellationToken);
                return true;
            }

            return false;
        }
        finally
        {
            _gate.Release();
        }
    }
}
