using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ServerlessComplaints.Durable.Core;

/// <summary>Starts the task hub's worker with the host (creating the hub on first start) and stops it with the host.</summary>
public sealed partial class TaskHubWorkerService(ComplaintTaskHub hub, DurableTaskOptions options, ILogger<TaskHubWorkerService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await hub.StartAsync();
        LogStarted(options.TaskHubName, options.PartitionCount);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await hub.StopAsync(cancellationToken);
        LogStopped(options.TaskHubName);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Durable Task worker started on task hub {TaskHub} ({Partitions} partitions)")]
    private partial void LogStarted(string taskHub, int partitions);

    [LoggerMessage(Level = LogLevel.Information, Message = "Durable Task worker on task hub {TaskHub} stopped")]
    private partial void LogStopped(string taskHub);
}
