using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using ServerlessComplaints.Workflow.Orchestration;

namespace ServerlessComplaints.Durable;

/// <summary>
/// <see cref="IWorkflowContext"/> over Durable's <see cref="TaskOrchestrationContext"/>. Events follow the port's
/// contract: one long-lived Durable wait per event name, each event handed in order to a live waiter only, so a
/// cancelled wait never swallows an event (azure-functions-durable-extension #3255, durabletask-dotnet #508).
/// </summary>
public sealed class DurableWorkflowContext(TaskOrchestrationContext context) : IWorkflowContext
{
    private readonly Dictionary<string, EventPump> _pumps = new(StringComparer.Ordinal);

    public string InstanceId => context.InstanceId;

    public DateTime CurrentUtcDateTime => context.CurrentUtcDateTime;

    public bool IsReplaying => context.IsReplaying;

    public Task<TResult> CallActivityAsync<TResult>(string name, object? input = null, WorkflowRetryPolicy? retry = null) =>
        context.CallActivityAsync<TResult>(name, input, Options(retry));

    public Task CallActivityAsync(string name, object? input = null, WorkflowRetryPolicy? retry = null) =>
        context.CallActivityAsync(name, input, Options(retry));

    public Task CreateTimer(DateTime fireAtUtc, CancellationToken cancellationToken) => context.CreateTimer(fireAtUtc, cancellationToken);

    public Task<T> WaitForExternalEvent<T>(string name, CancellationToken cancellationToken = default)
    {
        if (!_pumps.TryGetValue(name, out var pump))
        {
            pump = new EventPump(typeof(T));
            _pumps[name] = pump;
            _ = PumpAsync<T>(name, pump);
        }
        else if (pump.PayloadType != typeof(T))
        {
            throw new InvalidOperationException($"Event '{name}' is awaited as {typeof(T).Name} but earlier as {pump.PayloadType.Name}: one payload type per event name.");
        }

        return pump.Wait<T>(cancellationToken);
    }

    public void SetCustomStatus(object? customStatus) => context.SetCustomStatus(customStatus);

    public Guid NewGuid() => context.NewGuid();

    public ILogger CreateReplaySafeLogger(string categoryName) => context.CreateReplaySafeLogger(categoryName);

    private static TaskOptions? Options(WorkflowRetryPolicy? retry) =>
        retry is null
            ? null
            : TaskOptions.FromRetryPolicy(new RetryPolicy(retry.MaxAttempts, retry.FirstInterval, retry.BackoffCoefficient, retry.MaxInterval));

    // One Durable wait at a time per name, re-armed after each event: every event is received exactly once, in order.
    private async Task PumpAsync<T>(string name, EventPump pump)
    {
        while (true)
        {
            var payload = await context.WaitForExternalEvent<T>(name);
            pump.Deliver(payload);
        }
    }
}
