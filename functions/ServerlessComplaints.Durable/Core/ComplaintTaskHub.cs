using DurableTask.AzureStorage;
using DurableTask.Core;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Shims;
using Microsoft.Extensions.Logging;

namespace ServerlessComplaints.Durable.Core;

/// <summary>
/// The complaint task hub on DurableTask.Core: the Azure Storage backend, a TaskHubWorker running the catalogue's
/// orchestrator and activities through the shim, and the client over the same backend.
/// </summary>
public sealed class ComplaintTaskHub : IAsyncDisposable
{
    private readonly TaskHubWorker _worker;
    private bool _started;

    public ComplaintTaskHub(string connectionString, DurableTaskOptions options, IServiceProvider services, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        Service = new AzureStorageOrchestrationService(new AzureStorageOrchestrationServiceSettings
        {
            TaskHubName = options.TaskHubName,
            StorageAccountClientProvider = new StorageAccountClientProvider(connectionString),
            PartitionCount = options.PartitionCount,
            MaxQueuePollingInterval = options.MaxQueuePollingInterval,
            ExtendedSessionsEnabled = options.ExtendedSessions,
            MaxConcurrentTaskActivityWorkItems = options.MaxConcurrentActivities,
            MaxConcurrentTaskOrchestrationWorkItems = options.MaxConcurrentOrchestrations,
            ControlQueueVisibilityTimeout = options.ControlQueueVisibilityTimeout,
            WorkItemQueueVisibilityTimeout = options.WorkItemQueueVisibilityTimeout,
            LeaseInterval = options.LeaseInterval,
            LeaseRenewInterval = options.LeaseRenewInterval,
            LeaseAcquireInterval = options.LeaseAcquireInterval,
            // A second start with a tracking number already used fails instead of being ignored.
            ThrowExceptionOnInvalidDedupeStatus = true,
            LoggerFactory = loggerFactory,
        });

        var shims = new DurableTaskShimFactory(new DurableTaskWorkerOptions { DataConverter = WorkflowDataConverter.Shim }, loggerFactory);
        // The shim turns activity failures into FailureDetails and back: the worker must carry them.
        _worker = new TaskHubWorker(Service, loggerFactory) { ErrorPropagationMode = ErrorPropagationMode.UseFailureDetails };
        _worker.AddTaskOrchestrations(new ShimOrchestrationCreator(shims));
        _worker.AddTaskActivities([.. ComplaintTasks.Activities.Keys.Select(name => new ShimActivityCreator(shims, services, name))]);
        Client = new TaskHubClient(Service, WorkflowDataConverter.Client, loggerFactory);
    }

    public AzureStorageOrchestrationService Service { get; }

    public TaskHubClient Client { get; }

    /// <summary>Creates the hub's queues, tables and containers on first start, then starts the worker.</summary>
    public async Task StartAsync()
    {
        await Service.CreateIfNotExistsAsync();
        await _worker.StartAsync();
        _started = true;
    }

    /// <summary>Stops the worker; always before deleting the hub (a worker under a deleted hub loops on 404s).</summary>
    public async Task StopAsync()
    {
        if (_started)
        {
            _started = false;
            await _worker.StopAsync(isForced: true);
        }
    }

    /// <summary>Stops the worker, then deletes the hub's storage (tests and resets).</summary>
    public async Task DeleteAsync()
    {
        await StopAsync();
        await Service.DeleteAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _worker.Dispose();
    }
}
