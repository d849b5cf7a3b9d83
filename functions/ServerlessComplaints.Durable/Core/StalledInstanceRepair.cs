using System.Text.Json;
using DurableTask.Core;
using DurableTask.Core.History;
using Microsoft.Extensions.Logging;

namespace ServerlessComplaints.Durable.Core;

/// <summary>
/// Starts again, as a new execution with the same input, every instance that can no longer move. A storage that
/// loses its last seconds of writes — Azurite killed or powered off (it saves its tables and its queues every 5 s,
/// each on its own) — can come back with tables older than queues: an instance row still Pending whose start message
/// was consumed, a history with an activity or a due timer whose message was consumed. Nothing would ever run such an
/// instance again. Run once, a grace period after the worker started: by then every message a crash left invisible
/// has reappeared and been run (lease + visibility), so an instance that has not been updated since and still waits
/// for an activity, a due timer or its start is stalled. The new execution replays the case's activities, which are
/// idempotent (see <see cref="TaskHubWorkflowClient.RetryAsync"/>); events raised before are not replayed, and the
/// case asks for them again. Instances that wait for an event or a timer not yet due are left alone.
/// </summary>
public sealed partial class StalledInstanceRepair(ComplaintTaskHub hub, DurableTaskOptions options, ILogger<StalledInstanceRepair> logger)
{
    private static readonly OrchestrationStatus[] Unfinished = [OrchestrationStatus.Running, OrchestrationStatus.Pending];
    private static readonly OrchestrationStatus[] Finished =
        [OrchestrationStatus.Completed, OrchestrationStatus.Failed, OrchestrationStatus.Terminated, OrchestrationStatus.Canceled];

    /// <summary>Lease expiry, then the longest visibility, then a margin for the episode that follows.</summary>
    public TimeSpan Grace => options.LeaseInterval
        + (options.ControlQueueVisibilityTimeout > options.WorkItemQueueVisibilityTimeout ? options.ControlQueueVisibilityTimeout : options.WorkItemQueueVisibilityTimeout)
        + TimeSpan.FromSeconds(15);

    /// <summary>Starts again the instances not updated for <see cref="Grace"/> that wait for their start, an activity or a due timer; returns how many.</summary>
    public Task<int> RepairAsync(CancellationToken cancellationToken) => RepairAsync(DateTime.UtcNow - Grace, cancellationToken);

    /// <summary>
    /// <see cref="RepairAsync(CancellationToken)"/> once no queue of the hub holds a visible message, checked every
    /// <paramref name="recheck"/>. Under a backlog (a busy service, or a node joining others at work) an instance can wait
    /// longer than the grace for an activity whose message is queued, not lost: it must not be started again.
    /// </summary>
    public async Task<int> RepairWhenQuietAsync(TimeSpan recheck, CancellationToken cancellationToken)
    {
        var waited = false;
        while (await hub.HasQueuedWorkAsync(cancellationToken))
        {
            if (!waited)
            {
                LogWaitingForQuiet();
                waited = true;
            }

            await Task.Delay(recheck, cancellationToken);
        }

        return await RepairAsync(cancellationToken);
    }

    /// <summary>Starts again the instances not updated since <paramref name="cutoff"/> that wait for their start, an activity or a timer due before it.</summary>
    public async Task<int> RepairAsync(DateTime cutoff, CancellationToken cancellationToken)
    {
        var repaired = 0;
        string? continuation = null;
        do
        {
            var page = await hub.Service.GetOrchestrationStateAsync(DateTime.MinValue, null, Unfinished, 100, continuation, cancellationToken);
            foreach (var state in page.OrchestrationState.Where(s => s.LastUpdatedTime < cutoff))
            {
                if (state.OrchestrationStatus == OrchestrationStatus.Pending || await WaitsForLostWorkAsync(state, cutoff))
                {
                    await RestartAsync(state.OrchestrationInstance.InstanceId);
                    repaired++;
                }
            }

            continuation = page.ContinuationToken;
        }
        while (!string.IsNullOrEmpty(continuation));

        if (repaired > 0)
        {
            LogRepaired(repaired);
        }

        return repaired;
    }

    /// <summary>The history has no start, an activity without its result, or a timer due before the cutoff that has not fired.</summary>
    private async Task<bool> WaitsForLostWorkAsync(OrchestrationState state, DateTime cutoff)
    {
        var json = await hub.Service.GetOrchestrationHistoryAsync(state.OrchestrationInstance.InstanceId, state.OrchestrationInstance.ExecutionId);
        var events = JsonDocument.Parse(string.IsNullOrEmpty(json) ? "[]" : json).RootElement.EnumerateArray().ToList();
        var started = events.Any(e => Type(e) == EventType.ExecutionStarted);
        var scheduled = events.Where(e => Type(e) == EventType.TaskScheduled).Select(e => Int(e, "EventId")).ToHashSet();
        scheduled.ExceptWith(events.Where(e => Type(e) is EventType.TaskCompleted or EventType.TaskFailed).Select(e => Int(e, "TaskScheduledId")));
        var fired = events.Where(e => Type(e) == EventType.TimerFired).Select(e => Int(e, "TimerId")).ToHashSet();
        var overdueTimer = events.Any(e => Type(e) == EventType.TimerCreated && !fired.Contains(Int(e, "EventId"))
            && e.TryGetProperty("FireAt", out var fireAt) && fireAt.TryGetDateTime(out var due) && due.ToUniversalTime() < cutoff);
        return !started || scheduled.Count > 0 || overdueTimer;
    }

    private async Task RestartAsync(string instanceId)
    {
        var state = (await hub.Service.GetOrchestrationStateAsync(instanceId, allExecutions: false, fetchInput: true)).FirstOrDefault();
        if (state is null)
        {
            return;
        }

        // Refused for an instance that finished meanwhile; replaces a Running or Pending one.
        await hub.Client.CreateOrchestrationInstanceAsync(state.Name, state.Version ?? string.Empty, instanceId, new SerializedJson(state.Input), tags: null, dedupeStatuses: Finished);
        LogRestarted(instanceId, state.OrchestrationStatus.ToString(), state.LastUpdatedTime);
    }

    private static EventType? Type(JsonElement e) =>
        e.TryGetProperty("EventType", out var t) ? t.ValueKind == JsonValueKind.Number ? (EventType)t.GetInt32() : Enum.TryParse<EventType>(t.GetString(), out var parsed) ? parsed : null : null;

    private static int Int(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt32() : -1;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Instance {InstanceId} was stalled ({Status}, last updated {LastUpdated:o}: its next message was lost by storage); started again with the same input")]
    private partial void LogRestarted(string instanceId, string status, DateTime lastUpdated);

    [LoggerMessage(Level = LogLevel.Information, Message = "The check for stalled instances waits until the task hub's queues are empty")]
    private partial void LogWaitingForQuiet();

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} stalled instances started again")]
    private partial void LogRepaired(int count);
}
