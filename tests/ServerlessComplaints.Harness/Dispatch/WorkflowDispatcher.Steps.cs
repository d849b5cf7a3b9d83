using Microsoft.Extensions.Logging;
using ServerlessComplaints.Harness.History;
using ServerlessComplaints.Harness.Storage;
using ServerlessComplaints.Workflow.Orchestration;

namespace ServerlessComplaints.Harness.Dispatch;

/// <summary>The dispatcher's step logic: one episode, one activity, and the in-memory queues.</summary>
public sealed partial class WorkflowDispatcher
{
    private async Task RunEpisodeAsync(string instanceId, CancellationToken cancellationToken)
    {
        var snapshot = await store.LoadAsync(instanceId, cancellationToken);
        if (snapshot is null || snapshot.Inbox.Count == 0)
        {
            return;
        }

        var instance = snapshot.Instance;
        var now = Now;
        if (instance.IsTerminal)
        {
            // Late events for a finished instance are dropped, as Durable does.
            await store.CommitAsync(new EpisodeCommit(instance, instance.Version, [], snapshot.Inbox.Count, [], [], []) { ConsumedInboxKeys = snapshot.InboxKeys }, cancellationToken);
            return;
        }

        var result = executor.Execute(instanceId, snapshot.History, snapshot.Inbox, now);
        var record = instance with
        {
            Status = result.Status,
            CustomStatusJson = result.CustomStatusJson ?? instance.CustomStatusJson,
            OutputJson = result.OutputJson,
            Failure = result.Failure,
            LastUpdatedAtUtc = now,
        };
        var timers = result.Timers.Select(t => new PendingTimer(instanceId, t.TaskId, t.FireAtUtc)).ToList();
        var work = result.Activities.Select(a => new PendingActivity(instanceId, a.TaskId, a.Name, a.InputJson)).ToList();
        var ended = result.Status != WorkflowRuntimeStatus.Running;
        await store.CommitAsync(
            new EpisodeCommit(record, instance.Version, result.NewHistory, snapshot.Inbox.Count, timers, result.CancelledTimers, work, DropAllWork: ended) { ConsumedInboxKeys = snapshot.InboxKeys },
            cancellationToken);

        if (ended)
        {
            ForgetWork(instanceId);
            if (result.Failure is not null)
            {
                LogInstanceFailed(instanceId, result.Failure);
                await NotifyFailedAsync(instanceId, result.Failure, cancellationToken);
            }

            return;
        }

        if (result.CancelledTimers.Count > 0)
        {
            RemoveTimers(instanceId, result.CancelledTimers);
        }
        foreach (var timer in timers)
        {
            AddTimer(timer);
        }

        foreach (var item in work)
        {
            _work.Enqueue(item);
        }
    }

    private async Task NotifyFailedAsync(string instanceId, string failure, CancellationToken cancellationToken)
    {
        try
        {
            if (InstanceFailed is { } notify)
            {
                await notify(instanceId, failure, cancellationToken);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The instance's failure is stored either way; only the host's extra view of it is missing.
            LogActivityFailed(ex, "InstanceFailed hook", instanceId);
        }
    }

    private async Task RunActivityAsync(PendingActivity work, CancellationToken cancellationToken)
    {
        HistoryEvent result;
        try
        {
            var output = await activities.InvokeAsync(work.Name, work.InputJson, cancellationToken);
            result = new HistoryEvent(HistoryEventType.TaskCompleted, Now) { TaskId = work.TaskId, Name = work.Name, Payload = output };
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogActivityFailed(ex, work.Name, work.InstanceId);
            result = new HistoryEvent(HistoryEventType.TaskFailed, Now) { TaskId = work.TaskId, Name = work.Name, Failure = $"{ex.GetType().Name}: {ex.Message}" };
        }

        await store.CompleteActivityAsync(work, result, cancellationToken);
        MarkReady(work.InstanceId);
    }

    private void MarkReady(string instanceId)
    {
        lock (_ready)
        {
            if (_readySet.Add(instanceId))
            {
                _ready.Enqueue(instanceId);
            }
        }

        _signal.Release();
    }

    private static bool TryDequeue<T>(Queue<T> queue, out T item)
    {
        lock (queue)
        {
            return queue.TryDequeue(out item!);
        }
    }

    private void AddTimer(PendingTimer timer)
    {
        lock (_timers)
        {
            _timers.Add(timer);
        }

        _signal.Release();
    }

    private PendingTimer? TakeDueTimer(DateTime nowUtc)
    {
        lock (_timers)
        {
            if (_timers.Count == 0 || _timers.Min!.FireAtUtc > nowUtc)
            {
                return null;
            }

            var due = _timers.Min;
            _timers.Remove(due);
            return due;
        }
    }

    private void RemoveTimers(string instanceId, IReadOnlyList<int> taskIds)
    {
        lock (_timers)
        {
            _timers.RemoveWhere(t => t.InstanceId == instanceId && taskIds.Contains(t.TaskId));
        }
    }

    private void ForgetWork(string instanceId)
    {
        lock (_timers)
        {
            _timers.RemoveWhere(t => t.InstanceId == instanceId);
        }

        lock (_work)
        {
            var keep = _work.Where(w => w.InstanceId != instanceId).ToList();
            _work.Clear();
            keep.ForEach(_work.Enqueue);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Event {EventName} for {InstanceId} dropped: the instance is {Status}")]
    private partial void LogEventDropped(string eventName, string instanceId, WorkflowRuntimeStatus status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Activity {ActivityName} of {InstanceId} failed")]
    private partial void LogActivityFailed(Exception exception, string activityName, string instanceId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Instance {InstanceId} failed: {Failure}")]
    private partial void LogInstanceFailed(string instanceId, string failure);

    private sealed class TimerOrder : IComparer<PendingTimer>
    {
        public static readonly TimerOrder Instance = new();

        public int Compare(PendingTimer? x, PendingTimer? y)
        {
            var byTime = Nullable.Compare(x?.FireAtUtc, y?.FireAtUtc);
            if (byTime != 0)
            {
                return byTime;
            }

            var byInstance = string.CompareOrdinal(x?.InstanceId, y?.InstanceId);
            return byInstance != 0 ? byInstance : (x?.TaskId ?? 0).CompareTo(y?.TaskId ?? 0);
        }
    }
}
