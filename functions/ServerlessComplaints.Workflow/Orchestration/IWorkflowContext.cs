using Microsoft.Extensions.Logging;

namespace ServerlessComplaints.Workflow.Orchestration;

/// <summary>
/// The orchestrator's view of its durable runtime: a deliberate subset of Durable Task's
/// <c>TaskOrchestrationContext</c>, implemented by the Durable adapter (ServerlessComplaints.Durable) and, in tests, by the deterministic harness.
/// </summary>
/// <remarks>
/// Contract shared by every implementation: external events are queued in order per event name and a cancelled
/// wait never takes one; a wait for an event name keeps one payload type for the life of the instance; timers that
/// lose a race must be cancelled, or the instance stays running until they fire.
/// </remarks>
public interface IWorkflowContext
{
    string InstanceId { get; }

    /// <summary>The replay-safe current time (the time the current episode started).</summary>
    DateTime CurrentUtcDateTime { get; }

    bool IsReplaying { get; }

    Task<TResult> CallActivityAsync<TResult>(string name, object? input = null, WorkflowRetryPolicy? retry = null);

    Task CallActivityAsync(string name, object? input = null, WorkflowRetryPolicy? retry = null);

    Task CreateTimer(DateTime fireAtUtc, CancellationToken cancellationToken);

    Task<T> WaitForExternalEvent<T>(string name, CancellationToken cancellationToken = default);

    void SetCustomStatus(object? customStatus);

    /// <summary>A deterministic GUID: the same on every replay of the same step.</summary>
    Guid NewGuid();

    /// <summary>A logger that writes only when the orchestrator is not replaying.</summary>
    ILogger CreateReplaySafeLogger(string categoryName);
}
