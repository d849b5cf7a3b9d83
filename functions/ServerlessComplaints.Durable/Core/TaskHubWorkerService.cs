using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ServerlessComplaints.Durable.Core;

/// <summary>
/// Starts the task hub's worker with the host (creating the hub on first start) and stops it with the host; once the
/// grace period after the start has passed and no queue of the hub holds a visible message (several nodes: a node joining
/// others at work waits for their backlog), starts again the instances a storage crash left stalled.
/// </summary>
public sealed partial class TaskHubWorkerService(ComplaintTaskHub hub, StalledInstanceRepair repair, DurableTaskOptions options, ILogger<TaskHubWorkerService> logger)
    : IHostedService
{
    private readonly CancellationTokenSource _stopping = new();
    private Task _repair = Task.CompletedTask;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await hub.StartAsync();
        LogStarted(options.TaskHubName, options.PartitionCount);
        _repair = RepairAfterGraceAsync(_stopping.Token);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await _repair.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await hub.StopAsync(cancellationToken);
        LogStopped(options.TaskHubName);
    }

    private async Task RepairAfterGraceAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(repair.Grace, cancellationToken);
            await repair.RepairWhenQuietAsync(TimeSpan.FromSeconds(15), cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // A background check: its failure is logged, never takes the service down.
            LogRepairFailed(ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Durable Task worker started on task hub {TaskHub} ({Partitions} partitions)")]
    private partial void LogStarted(string taskHub, int partitions);

    [LoggerMessage(Level = LogLevel.Information, Message = "Durable Task worker on task hub {TaskHub} stopped")]
    private partial void LogStopped(string taskHub);

    [LoggerMessage(Level = LogLevel.Error, Message = "The check for stalled instances failed")]
    private partial void LogRepairFailed(Exception exception);
}
