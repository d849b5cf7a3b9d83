using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using ServerlessComplaints.Workflow.Orchestration;

namespace ServerlessComplaints.Durable;

/// <summary><see cref="IWorkflowClient"/> over Durable's <see cref="DurableTaskClient"/>.</summary>
public sealed class DurableWorkflowClient(DurableTaskClient client) : IWorkflowClient
{
    public Task StartAsync(string orchestrationName, string instanceId, object? input, CancellationToken cancellationToken = default) =>
        client.ScheduleNewOrchestrationInstanceAsync(orchestrationName, input, new StartOrchestrationOptions { InstanceId = instanceId }, cancellationToken);

    public Task RaiseEventAsync(string instanceId, string eventName, object? payload, CancellationToken cancellationToken = default) =>
        client.RaiseEventAsync(instanceId, eventName, payload, cancellationToken);

    public async Task<WorkflowInstanceStatus?> GetStatusAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        var metadata = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, cancellationToken);
        return metadata is null
            ? null
            : new WorkflowInstanceStatus(
                metadata.InstanceId,
                metadata.Name,
                Map(metadata.RuntimeStatus),
                metadata.SerializedCustomStatus,
                metadata.SerializedOutput,
                metadata.FailureDetails?.ErrorMessage,
                metadata.CreatedAt.UtcDateTime,
                metadata.LastUpdatedAt.UtcDateTime,
                metadata.SerializedInput);
    }

    public Task RetryAsync(string instanceId, CancellationToken cancellationToken = default) =>
        client.RewindInstanceAsync(instanceId, "retried by staff", cancellationToken);

    public Task TerminateAsync(string instanceId, string? reason, CancellationToken cancellationToken = default) =>
        client.TerminateInstanceAsync(instanceId, reason, cancellationToken);

    public async Task<bool> PurgeAsync(string instanceId, CancellationToken cancellationToken = default) =>
        (await client.PurgeInstanceAsync(instanceId, cancellation: cancellationToken)).PurgedInstanceCount > 0;

    private static WorkflowRuntimeStatus Map(OrchestrationRuntimeStatus status) => status switch
    {
        OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Suspended => WorkflowRuntimeStatus.Running,
        OrchestrationRuntimeStatus.Completed => WorkflowRuntimeStatus.Completed,
        OrchestrationRuntimeStatus.Failed => WorkflowRuntimeStatus.Failed,
        OrchestrationRuntimeStatus.Terminated => WorkflowRuntimeStatus.Terminated,
        _ => WorkflowRuntimeStatus.Pending,
    };
}
