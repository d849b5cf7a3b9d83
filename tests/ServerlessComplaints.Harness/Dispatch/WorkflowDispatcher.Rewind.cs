using ServerlessComplaints.Harness.History;
using ServerlessComplaints.Harness.Storage;
using ServerlessComplaints.Workflow.Orchestration;

namespace ServerlessComplaints.Harness.Dispatch;

/// <summary>Retrying a failed instance: rewind past its failure, as Durable's rewind does.</summary>
public sealed partial class WorkflowDispatcher
{
    /// <summary>Called after an instance fails (instance id, failure), so the host can show it to staff.</summary>
    public Func<string, string, CancellationToken, Task>? InstanceFailed { get; set; }

    /// <summary>
    /// Rewinds a failed instance: the failure is voided in the history (append-only), the activity whose last failure
    /// ended the run is scheduled again, and pending timers are restored; the next replay continues from there. A
    /// non-determinism or orchestrator error simply replays again (after a fix it goes on; otherwise it fails again).
    /// </summary>
    public async Task RetryAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var snapshot = await store.LoadAsync(instanceId, cancellationToken)
                ?? throw new InvalidOperationException($"No instance with id '{instanceId}'.");
            if (snapshot.Instance.Status != WorkflowRuntimeStatus.Failed)
            {
                throw new InvalidOperationException($"Instance '{instanceId}' is {snapshot.Instance.Status}: only a failed instance can be retried.");
            }

            var history = snapshot.History;
            var lastRewind = history.ToList().FindLastIndex(e => e.Type == HistoryEventType.ExecutionRewound);
            var failedTask = history.Skip(lastRewind + 1).LastOrDefault(e => e.Type == HistoryEventType.TaskFailed);
            var scheduled = failedTask is null ? null : history.Last(e => e.Type == HistoryEventType.TaskScheduled && e.TaskId == failedTask.TaskId);
            var work = scheduled is null ? [] : new List<PendingActivity> { new(instanceId, scheduled.TaskId, scheduled.Name!, scheduled.Payload) };
            var fired = history.Where(e => e.Type == HistoryEventType.TimerFired).Select(e => e.TaskId).ToHashSet();
            var timers = history.Where(e => e.Type == HistoryEventType.TimerCreated && !fired.Contains(e.TaskId))
                .Select(e => new PendingTimer(instanceId, e.TaskId, e.FireAtUtc!.Value)).ToList();

            var now = Now;
            var record = snapshot.Instance with { Status = WorkflowRuntimeStatus.Running, Failure = null, LastUpdatedAtUtc = now };
            await store.CommitAsync(new EpisodeCommit(record, snapshot.Instance.Version, [], 0, timers, [], work), cancellationToken);
            await store.AppendInboxAsync(instanceId, new HistoryEvent(HistoryEventType.ExecutionRewound, now) { TaskId = failedTask?.TaskId ?? -1 }, cancellationToken);
            foreach (var timer in timers)
            {
                AddTimer(timer);
            }

            foreach (var item in work)
            {
                _work.Enqueue(item);
            }

            MarkReady(instanceId);
        }
        finally
        {
            _gate.Release();
        }
    }
}
