using Microsoft.DurableTask.Client;
using ServerlessComplaints.Durable;
using ServerlessComplaints.Workflow.Orchestration;

namespace ServerlessComplaints.Functions.Durable;

/// <summary>
/// The Workflow handlers are singletons taking an <see cref="IWorkflowClient"/>, while Durable hands its client to
/// each function invocation: every trigger sets the invocation's client here first (an async-local), and the
/// handlers' calls go to it.
/// </summary>
internal sealed class AmbientWorkflowClient : IWorkflowClient
{
    private static readonly AsyncLocal<IWorkflowClient?> Current = new();

    public static void Use(DurableTaskClient client) => Current.Value = new DurableWorkflowClient(client);

    private static IWorkflowClient Client =>
        Current.Value ?? throw new InvalidOperationException("No Durable client for this invocation: the trigger must call AmbientWorkflowClient.Use first.");

    public Task StartAsync(string orchestrationName, string instanceId, object? input, CancellationToken cancellationToken = default) =>
        Client.StartAsync(orchestrationName, instanceId, input, cancellationToken);

    public Task RaiseEventAsync(string instanceId, string eventName, object? payload, CancellationToken cancellationToken = default) =>
        Client.RaiseEventAsync(instanceId, eventName, payload, cancellationToken);

    public Task<WorkflowInstanceStatus?> GetStatusAsync(string instanceId, CancellationToken cancellationToken = default) =>
        Client.GetStatusAsync(instanceId, cancellationToken);

    public Task RetryAsync(string instanceId, CancellationToken cancellationToken = default) => Client.RetryAsync(instanceId, cancellationToken);

    public Task TerminateAsync(string instanceId, string? reason, CancellationToken cancellationToken = default) =>
        Client.TerminateAsync(instanceId, reason, cancellationToken);

    public Task<bool> PurgeAsync(string instanceId, CancellationToken cancellationToken = default) => Client.PurgeAsync(instanceId, cancellationToken);
}
