using ServerlessComplaints.Workflow.Orchestration;

namespace ServerlessComplaints.Functions.Tests;

/// <summary>The handlers' workflow client where none may be reached: any call means a refused caller got through.</summary>
internal sealed class UnreachableWorkflowClient : IWorkflowClient
{
    public Task StartAsync(string orchestrationName, string instanceId, object? input, CancellationToken cancellationToken = default) => Fail();

    public Task RaiseEventAsync(string instanceId, string eventName, object? payload, CancellationToken cancellationToken = default) => Fail();

    public Task<WorkflowInstanceStatus?> GetStatusAsync(string instanceId, CancellationToken cancellationToken = default) =>
        Task.FromException<WorkflowInstanceStatus?>(new InvalidOperationException("Workflow reached."));

    public Task RetryAsync(string instanceId, CancellationToken cancellationToken = default) => Fail();

    public Task TerminateAsync(string instanceId, string? reason, CancellationToken cancellationToken = default) => Fail();

    public Task<bool> PurgeAsync(string instanceId, CancellationToken cancellationToken = default) =>
        Task.FromException<bool>(new InvalidOperationException("Workflow reached."));

    private static Task Fail() => Task.FromException(new InvalidOperationException("Workflow reached."));
}
