namespace ServerlessComplaints.Workflow.Orchestration;

/// <summary>Starts and steers orchestrations: a subset of Durable Task's <c>DurableTaskClient</c>.</summary>
public interface IWorkflowClient
{
    /// <summary>Schedules a new instance; the instance id is the case's tracking number.</summary>
    Task StartAsync(string orchestrationName, string instanceId, object? input, CancellationToken cancellationToken = default);

    Task RaiseEventAsync(string instanceId, string eventName, object? payload, CancellationToken cancellationToken = default);

    Task<WorkflowInstanceStatus?> GetStatusAsync(string instanceId, CancellationToken cancellationToken = default);

    /// <summary>Retries a failed instance from the point of failure (Durable's rewind).</summary>
    Task RetryAsync(string instanceId, CancellationToken cancellationToken = default);

    Task TerminateAsync(string instanceId, string? reason, CancellationToken cancellationToken = default);

    /// <summary>Deletes the instance and its history; returns false when there was nothing to purge.</summary>
    Task<bool> PurgeAsync(string instanceId, CancellationToken cancellationToken = default);
}
