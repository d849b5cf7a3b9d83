using Azure.Data.Tables;
using ServerlessComplaints.Durable.Core;
using ServerlessComplaints.Runtime.Activities;
using ServerlessComplaints.Runtime.Dispatch;
using ServerlessComplaints.Runtime.Execution;
using ServerlessComplaints.Runtime.Hosting;
using ServerlessComplaints.Runtime.Storage;
using ServerlessComplaints.Workflow.Activities;
using ServerlessComplaints.Workflow.Api;
using ServerlessComplaints.Workflow.Orchestration;

namespace ServerlessComplaints.LocalHost.Hosting;

/// <summary>
/// Which engine runs the cases (configuration <c>LocalService:Engine</c>): the embedded runtime (default) or
/// DurableTask.Core's TaskHubWorker on the Azure Storage backend, the engine Durable Functions runs. Either one is the
/// service's only <see cref="IWorkflowClient"/>, so intake, staff actions, action links, status, retry, terminate and the
/// retention sweep all go to it.
/// </summary>
internal static class WorkflowEngineHosting
{
    public const string Embedded = "embedded";
    public const string DurableTask = "durable-task";

    public static string Validate(string? engine) => engine switch
    {
        null or "" or Embedded => Embedded,
        DurableTask => DurableTask,
        _ => throw new InvalidOperationException($"LocalService:Engine must be '{Embedded}' or '{DurableTask}', not '{engine}'."),
    };

    public static IServiceCollection AddWorkflowEngine(this IServiceCollection services, string engine, LocalServiceOptions local, string connectionString)
    {
        if (engine == DurableTask)
        {
            return services.AddDurableTaskEngine(connectionString);
        }

        services.AddSingleton(sp => new TableHistoryStore(sp.GetRequiredService<TableServiceClient>(), local.TablePrefix + "RuntimeHistory"));
        services.AddSingleton<IHistoryStore>(sp => sp.GetRequiredService<TableHistoryStore>());
        services.AddSingleton(sp => new OrchestrationExecutor(
            ComplaintOrchestrations.CreateRegistry(), new ExecutorOptions { UncancelledTimers = UncancelledTimerPolicy.KeepRunning }, sp.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton<IActivityInvoker>(sp => new ServiceProviderActivityInvoker(sp, ComplaintActivities.All));
        services.AddSingleton<WorkflowDispatcher>();
        services.AddSingleton<IWorkflowClient>(sp => sp.GetRequiredService<WorkflowDispatcher>());
        return services.AddHostedService<WorkflowRuntimeService>();
    }

    /// <summary>The embedded runtime's history table and failure hook; the task hub creates its storage when its worker starts.</summary>
    public static async Task EnsureWorkflowEngineAsync(this IServiceProvider services, string engine, CancellationToken cancellationToken)
    {
        if (engine == DurableTask)
        {
            return;
        }

        await services.GetRequiredService<TableHistoryStore>().EnsureCreatedAsync(cancellationToken);
        services.GetRequiredService<WorkflowDispatcher>().InstanceFailed = services.GetRequiredService<FailedCaseRecorder>().RecordAsync;
    }
}
