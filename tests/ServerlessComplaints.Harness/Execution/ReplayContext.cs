using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ServerlessComplaints.Workflow.Orchestration;

namespace ServerlessComplaints.Harness.Execution;

/// <summary>
/// The test harness's <see cref="IWorkflowContext"/>: records the actions the orchestrator takes and completes
/// them as the executor walks the history. Task ids are handed out in call order, as Durable Task does.
/// </summary>
internal sealed class ReplayContext(string instanceId, ILoggerFactory loggerFactory) : IWorkflowContext
{
    private int _nextTaskId;
    private int _guidCounter;

    public string InstanceId { get; } = instanceId;

    public DateTime CurrentUtcDateTime { get; set; }

    public bool IsReplaying { get; set; }

    public string? CustomStatusJson { get; private set; }

    public SortedDictionary<int, ScheduledAction> Actions { get; } = [];

    public EventQueues Events { get; } = new();

    public List<int> CancelledTimers { get; } = [];

    public async Task<TResult> CallActivityAsync<TResult>(string name, object? input = null, WorkflowRetryPolicy? retry = null)
    {
        var json = await CallWithRetry(name, WorkflowJson.Serialize(input), retry);
        return WorkflowJson.Deserialize<TResult>(json)!;
    }

    public Task CallActivityAsync(string name, object? input = null, WorkflowRetryPolicy? retry = null) =>
        CallWithRetry(name, WorkflowJson.Serialize(input), retry);

    public Task CreateTimer(DateTime fireAtUtc, CancellationToken cancellationToken)
    {
        var action = new ScheduledAction(_nextTaskId++, ScheduledActionKind.Timer, "timer", null, DateTime.SpecifyKind(fireAtUtc, DateTimeKind.Utc));
        Actions.Add(action.TaskId, action);
        if (cancellationToken.IsCancellationRequested)
        {
            action.Cancelled = true;
            action.Completion.TrySetCanceled(cancellationToken);
        }
        else if (cancellationToken.CanBeCanceled)
        {
            cancellationToken.Register(() => CancelTimer(action, cancellationToken));
        }

        return action.Completion.Task;
    }

    public Task<T> WaitForExternalEvent<T>(string name, CancellationToken cancellationToken = default) =>
        Events.Wait<T>(name, cancellationToken);

    public void SetCustomStatus(object? customStatus) => CustomStatusJson = WorkflowJson.Serialize(customStatus);

    public Guid NewGuid()
    {
        // Name-based (v5-style) so every replay of the same step yields the same value.
        var name = $"{InstanceId}_{CurrentUtcDateTime:O}_{_guidCounter++}";
        var hash = SHA1.HashData(Encoding.UTF8.GetBytes(name));
        var bytes = hash.AsSpan(0, 16).ToArray();
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }

    public ILogger CreateReplaySafeLogger(string categoryName) =>
        new ReplaySafeLogger(this, loggerFactory == NullLoggerFactory.Instance ? NullLogger.Instance : loggerFactory.CreateLogger(categoryName));

    private async Task<string?> CallWithRetry(string name, string? inputJson, WorkflowRetryPolicy? retry)
    {
        var attempts = Math.Max(1, retry?.MaxAttempts ?? 1);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await ScheduleActivity(name, inputJson);
            }
            catch (WorkflowActivityFailedException) when (attempt < attempts)
            {
                // Retries are durable timers in the history, exactly like Durable's orchestrator-side retry.
                await CreateTimer(CurrentUtcDateTime + retry!.DelayBefore(attempt), CancellationToken.None);
            }
        }
    }

    private Task<string?> ScheduleActivity(string name, string? inputJson)
    {
        var action = new ScheduledAction(_nextTaskId++, ScheduledActionKind.Activity, name, inputJson, null);
        Actions.Add(action.TaskId, action);
        return action.Completion.Task;
    }

    private void CancelTimer(ScheduledAction timer, CancellationToken cancellationToken)
    {
        if (timer.Fired || timer.Cancelled)
        {
            return;
        }

        timer.Cancelled = true;
        if (timer.InHistory && !IsReplaying)
        {
            CancelledTimers.Add(timer.TaskId);
        }

        timer.Completion.TrySetCanceled(cancellationToken);
    }
}
