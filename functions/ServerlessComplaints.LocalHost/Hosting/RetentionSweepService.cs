using ServerlessComplaints.Workflow.Retention;

namespace ServerlessComplaints.LocalHost.Hosting;

/// <summary>
/// The local service's retention timer (the Functions app uses a timer trigger): a sweep at start-up, so a machine that
/// runs the service only now and then still deletes expired cases, then one every <see cref="RetentionOptions.SweepInterval"/>.
/// A failed sweep is logged and the next one runs on schedule. With a <see cref="RetentionSweepLease"/> (several nodes on
/// one storage account) a node sweeps only while it holds the lease.
/// </summary>
internal sealed partial class RetentionSweepService(
    RetentionSweep sweep, RetentionOptions options, TimeProvider time, ILogger<RetentionSweepService> logger, RetentionSweepLease? lease = null) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.SweepInterval, time);
        do
        {
            try
            {
                if (lease is null)
                {
                    await sweep.RunAsync(stoppingToken);
                }
                else
                {
                    await lease.RunExclusiveAsync(sweep.RunAsync, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // Storage outages and the like: every expired case is still listed next time.
                LogSweepFailed(ex, options.SweepInterval);
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Retention sweep failed; the next runs in {Interval}")]
    private partial void LogSweepFailed(Exception exception, TimeSpan interval);
}
