using DurableTask.Core;
using DurableTask.Core.Exceptions;
using ServerlessComplaints.Workflow.Orchestration;

namespace ServerlessComplaints.Durable.Core;

/// <summary><see cref="IWorkflowClient"/> over the task hub: TaskHubClient, plus the backend itself for rewind and purge.</summary>
public sealed class TaskHubWorkflowClient(ComplaintTaskHub hub) : IWorkflowClient
{
    private static readonly OrchestrationStatus[] AnyStatus = Enum.GetValues<OrchestrationStatus>();

    public async Task StartAsync(string orchestrationName, string instanceId, object? input, CancellationToken cancellationToken = default)
    {
        try
        {
            await hub.Client.CreateOrchestrationInstanceAsync(orchestrationName, string.Empty, instanceId, input, tags: null, dedupeStatuses: AnyStatus);
        }
        catch (OrchestrationAlreadyExistsException e)
        {
            throw new InvalidOperationException($"An instance with id '{instanceId}' already exists.", e);
        }
    }

    public async Task RaiseEventAsync(string instanceId, string eventName, object? payload, CancellationToken cancellationToken = default) =>
        await hub.Client.RaiseEventAsync(new OrchestrationInstance { InstanceId = instanceId }, eventName, payload!);

    public async Task<WorkflowInstanceStatus?> GetStatusAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        var state = await hub.Client.GetOrchestrationStateAsync(instanceId);
        return state is null
            ? null
            : new WorkflowInstanceStatus(
                instanceId,
                state.Name,
                Map(state.OrchestrationStatus),
                state.Status,
                state.OrchestrationStatus == OrchestrationStatus.Failed ? null : state.Output,
                state.OrchestrationStatus == OrchestrationStatus.Failed ? state.FailureDetails?.ErrorMessage ?? state.Output : null,
                state.CreatedTime,
                state.LastUpdatedTime,
                state.Input);
    }

    /// <summary>
    /// Retries a failed case by starting it again, same instance id and same input, as a new execution. The backend's
    /// rewind (AzureStorageOrchestrationService.RewindTaskOrchestrationAsync) was tried first and does not work here:
    /// it voids the failed activity attempts but keeps their retry timers in the history, so the replay fails as
    /// non-deterministic. A new execution replays the case's activities, which are idempotent (records are added once,
    /// timeline entries and mails keyed by deterministic ids), so nothing is written or mailed twice; events staff
    /// raised before the failure are not replayed, and the case asks for them again.
    /// </summary>
    public async Task RetryAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        var state = await hub.Client.GetOrchestrationStateAsync(instanceId) ?? throw new InvalidOperationException($"No instance with id '{instanceId}'.");
        if (state.OrchestrationStatus != OrchestrationStatus.Failed)
        {
            throw new InvalidOperationException($"Instance '{instanceId}' is {state.OrchestrationStatus}: only a failed instance can be retried.");
        }

        var notFailed = AnyStatus.Where(s => s != OrchestrationStatus.Failed).ToArray();
        await hub.Client.CreateOrchestrationInstanceAsync(state.Name, state.Version ?? string.Empty, instanceId, new SerializedJson(state.Input), tags: null, dedupeStatuses: notFailed);
    }

    public async Task TerminateAsync(string instanceId, string? reason, CancellationToken cancellationToken = default) =>
        await hub.Client.TerminateInstanceAsync(new OrchestrationInstance { InstanceId = instanceId }, reason ?? string.Empty);

    public async Task<bool> PurgeAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        var state = await hub.Client.GetOrchestrationStateAsync(instanceId);
        if (state is null)
        {
            return false;
        }

        if (state.OrchestrationStatus is OrchestrationStatus.Running or OrchestrationStatus.Pending or OrchestrationStatus.Suspended)
        {
            throw new InvalidOperationException($"Instance '{instanceId}' is {state.OrchestrationStatus}: only completed, failed or terminated instances can be purged.");
        }

        return (await hub.Service.PurgeInstanceHistoryAsync(instanceId)).InstancesDeleted > 0;
    }

    private static WorkflowRuntimeStatus Map(OrchestrationStatus status) => status switch
    {
        OrchestrationStatus.Running or OrchestrationStatus.Suspended or OrchestrationStatus.ContinuedAsNew => WorkflowRuntimeStatus.Running,
        OrchestrationStatus.Completed => WorkflowRuntimeStatus.Completed,
        OrchestrationStatus.Failed => WorkflowRuntimeStatus.Failed,
        OrchestrationStatus.Terminated or OrchestrationStatus.Canceled => WorkflowRuntimeStatus.Terminated,
        _ => WorkflowRuntimeStatus.Pending,
    };
}
