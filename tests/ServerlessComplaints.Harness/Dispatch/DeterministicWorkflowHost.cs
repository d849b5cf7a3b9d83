using ServerlessComplaints.Harness.Activities;
using ServerlessComplaints.Harness.Execution;
using ServerlessComplaints.Harness.Storage;
using ServerlessComplaints.Workflow.Orchestration;

namespace ServerlessComplaints.Harness.Dispatch;

/// <summary>
/// The deterministic harness: the dispatcher on a manual clock. Every call runs the workflows until they are idle,
/// and <see cref="AdvanceAsync"/> walks time forward timer by timer, so days of SLA pass in milliseconds.
/// </summary>
public sealed class DeterministicWorkflowHost
{
    public DeterministicWorkflowHost(
        OrchestrationRegistry orchestrations,
        IActivityInvoker activities,
        DateTimeOffset startUtc,
        IHistoryStore? store = null,
        ExecutorOptions? options = null)
    {
        Clock = new ManualTimeProvider(startUtc);
        Store = store ?? new InMemoryHistoryStore();
        Dispatcher = new WorkflowDispatcher(Store, new OrchestrationExecutor(orchestrations, options), activities, Clock);
    }

    public ManualTimeProvider Clock { get; }

    public IHistoryStore Store { get; }

    public WorkflowDispatcher Dispatcher { get; }

    public IWorkflowClient Client => Dispatcher;

    public DateTime UtcNow => Clock.GetUtcNow().UtcDateTime;

    public async Task StartAsync(string orchestrationName, string instanceId, object? input)
    {
        await Dispatcher.StartAsync(orchestrationName, instanceId, input);
        await SettleAsync();
    }

    public async Task RaiseEventAsync(string instanceId, string eventName, object? payload)
    {
        await Dispatcher.RaiseEventAsync(instanceId, eventName, payload);
        await SettleAsync();
    }

    public async Task SettleAsync()
    {
        await Dispatcher.FireDueTimersAsync();
        await Dispatcher.RunUntilIdleAsync();
    }

    public Task AdvanceAsync(TimeSpan by) => AdvanceToAsync(UtcNow + by);

    /// <summary>Moves the clock to <paramref name="targetUtc"/>, firing each timer at its own due time on the way.</summary>
    public async Task AdvanceToAsync(DateTime targetUtc)
    {
        // Bounded: every pass fires at least one timer or ends the walk.
        for (var pass = 0; pass < 1_000_000; pass++)
        {
            if (Dispatcher.NextTimerDueUtc is not { } next || next > targetUtc)
            {
                break;
            }

            if (next > UtcNow)
            {
                Clock.SetUtcNow(new DateTimeOffset(DateTime.SpecifyKind(next, DateTimeKind.Utc)));
            }

            await SettleAsync();
        }

        if (targetUtc > UtcNow)
        {
            Clock.SetUtcNow(new DateTimeOffset(DateTime.SpecifyKind(targetUtc, DateTimeKind.Utc)));
        }

        await SettleAsync();
    }

    public async Task<T?> GetCustomStatusAsync<T>(string instanceId) =>
        WorkflowJson.Deserialize<T>((await Dispatcher.GetStatusAsync(instanceId))?.CustomStatusJson);
}
