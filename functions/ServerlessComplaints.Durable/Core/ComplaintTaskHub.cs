using Azure.Core;
using Azure.Storage.Queues;
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
public sealed partial class ComplaintTaskHub : IAsyncDisposable
{
    private readonly TaskHubWorker _worker;
    private readonly DurableTaskOptions _options;
    private readonly ILogger _logger;
    private readonly QueueDequeueGate _gate;
    private int _runningEpisodes;
    private int _runningActivities;
    private long _lastEpisodeTicks;
    private bool _started;
    private readonly string _connectionString;

    public ComplaintTaskHub(string connectionString, DurableTaskOptions options, IServiceProvider services, ILoggerFactory loggerFactory)
    {
        _connectionString = connectionString;
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        _options = options;
        _logger = loggerFactory.CreateLogger<ComplaintTaskHub>();
        _gate = new QueueDequeueGate(options.TaskHubName);
        Service = new AzureStorageOrchestrationService(new AzureStorageOrchestrationServiceSettings
        {
            TaskHubName = options.TaskHubName,
            // Partition leases name their owner by this: the backend's default, the machine name, is the same for every node on one machine.
            WorkerId = options.WorkerId is { Length: > 0 } workerId ? workerId : $"{Environment.MachineName}-{Environment.ProcessId}",
            StorageAccountClientProvider = new StorageAccountClientProvider(
                StorageServiceClientProvider.ForBlob(connectionString),
                StorageServiceClientProvider.ForQueue(connectionString, QueueOptions(_gate)),
                StorageServiceClientProvider.ForTable(connectionString)),
            PartitionCount = options.PartitionCount,
            MaxQueuePollingInterval = options.MaxQueuePollingInterval,
            ExtendedSessionsEnabled = options.ExtendedSessions,
            ExtendedSessionIdleTimeout = options.ExtendedSessionIdleTimeout,
            MaxConcurrentTaskActivityWorkItems = options.MaxConcurrentActivities,
            MaxConcurrentTaskOrchestrationWorkItems = options.MaxConcurrentOrchestrations,
            ControlQueueBatchSize = options.ControlQueueBatchSize,
            ControlQueueBufferThreshold = options.ControlQueueBufferThreshold,
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
        _worker.AddOrchestrationDispatcherMiddleware(TrackEpisodeAsync);
        _worker.AddActivityDispatcherMiddleware(TrackActivityAsync);
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

    /// <summary>
    /// Stops the worker without leaving a case waiting for a queue message's visibility timeout after the restart. The
    /// backend leaves invisible, until that timeout, every message it has dequeued and not finished: an activity result
    /// dequeued but not yet run (its worker stops the dispatchers first), and whatever a poll cancelled on the wire took.
    /// So the drain goes in order: the work-item queue closes (<see cref="QueueDequeueGate"/>) and the running activities
    /// finish and post their results; the orchestrations run those results until they fall quiet (new activities wait,
    /// visible, in the work-item queue); the control queues close and what their last polls took is run; then the
    /// worker stops gracefully and releases its partition leases. Bounded by <see cref="DurableTaskOptions.StopTimeout"/>
    /// and <paramref name="cancellationToken"/> (the host's shutdown timeout): past that the stop is forced.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (!_started)
        {
            return;
        }

        _started = false;
        var started = DateTime.UtcNow;
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bound.CancelAfter(_options.StopTimeout);
        try
        {
            await _gate.CloseAsync(QueueDequeueGate.Queues.WorkItems, bound.Token);
            await WaitUntilAsync(() => Volatile.Read(ref _runningActivities) == 0, bound.Token);
            await _worker.TaskActivityDispatcher.StopAsync(forced: false).WaitAsync(bound.Token);
            await WaitForQuietOrchestrationsAsync(bound.Token);
            await _gate.CloseAsync(QueueDequeueGate.Queues.Control, bound.Token);
            await WaitForQuietOrchestrationsAsync(bound.Token);
            await _worker.StopAsync(isForced: false).WaitAsync(bound.Token);
            LogStoppedGracefully(DateTime.UtcNow - started);
        }
        catch (OperationCanceledException)
        {
            // Whatever is still in flight waits for its visibility timeout after the restart.
            LogStopForced(DateTime.UtcNow - started);
            await _worker.StopAsync(isForced: true).WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary>Stops the worker at once (tests and resets): messages in flight wait for their visibility timeout.</summary>
    private async Task StopForcedAsync()
    {
        if (_started)
        {
            _started = false;
            await _worker.StopAsync(isForced: true);
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition, CancellationToken cancellationToken)
    {
        while (!condition())
        {
            await Task.Delay(50, cancellationToken);
        }
    }

    /// <summary>Until no episode has run for a while: long enough for a result just posted to be dequeued (one polling interval) and run.</summary>
    private async Task WaitForQuietOrchestrationsAsync(CancellationToken cancellationToken)
    {
        var quiet = TimeSpan.FromTicks(Math.Max(TimeSpan.FromSeconds(2).Ticks, 2 * _options.MaxQueuePollingInterval.Ticks));
        Interlocked.Exchange(ref _lastEpisodeTicks, DateTime.UtcNow.Ticks);
        while (Volatile.Read(ref _runningEpisodes) > 0 || DateTime.UtcNow - new DateTime(Interlocked.Read(ref _lastEpisodeTicks), DateTimeKind.Utc) < quiet)
        {
            await Task.Delay(100, cancellationToken);
        }
    }

    private async Task TrackActivityAsync(DurableTask.Core.Middleware.DispatchMiddlewareContext context, Func<Task> next)
    {
        Interlocked.Increment(ref _runningActivities);
        try
        {
            await next();
        }
        finally
        {
            Interlocked.Decrement(ref _runningActivities);
        }
    }

    private async Task TrackEpisodeAsync(DurableTask.Core.Middleware.DispatchMiddlewareContext context, Func<Task> next)
    {
        Interlocked.Increment(ref _runningEpisodes);
        try
        {
            await next();
        }
        finally
        {
            Interlocked.Exchange(ref _lastEpisodeTicks, DateTime.UtcNow.Ticks);
            Interlocked.Decrement(ref _runningEpisodes);
        }
    }

    /// <summary>
    /// True while any of the hub's queues (control queues and work items) holds a visible message: work waiting to run, on
    /// this node or another. Timer messages stay invisible until due and are not counted.
    /// </summary>
    public async Task<bool> HasQueuedWorkAsync(CancellationToken cancellationToken)
    {
        foreach (var name in TaskHubQueues.All(_options.TaskHubName, _options.PartitionCount))
        {
            var queue = new QueueClient(_connectionString, name);
            try
            {
                if ((await queue.PeekMessagesAsync(1, cancellationToken)).Value.Length > 0)
                {
                    return true;
                }
            }
            catch (Azure.RequestFailedException e) when (e.Status == 404)
            {
                // Not created yet: nothing waits in it.
            }
        }

        return false;
    }

    /// <summary>Stops the worker, then deletes the hub's storage (tests and resets).</summary>
    public async Task DeleteAsync()
    {
        await StopForcedAsync();
        await Service.DeleteAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _worker.Dispose();
    }

    private static QueueClientOptions QueueOptions(QueueDequeueGate gate)
    {
        var options = new QueueClientOptions();
        options.AddPolicy(gate, HttpPipelinePosition.PerCall);
        return options;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Durable Task worker drained and stopped in {Elapsed}")]
    private partial void LogStoppedGracefully(TimeSpan elapsed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Durable Task worker did not drain within {Elapsed}: stopped forced; work in flight resumes after its queue visibility timeout")]
    private partial void LogStopForced(TimeSpan elapsed);
}
