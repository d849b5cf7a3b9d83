using ServerlessComplaints.Runtime.Dispatch;

namespace ServerlessComplaints.LocalHost.Hosting;

/// <summary>
/// Drives the embedded runtime with the real clock: rebuilds timers and work from storage, then runs steps as work
/// arrives and fires each timer within a second of its due time.
/// </summary>
internal sealed partial class WorkflowRuntimeService(WorkflowDispatcher dispatcher, TimeProvider time, ILogger<WorkflowRuntimeService> logger) : BackgroundService
{
    private static readonly TimeSpan MaxIdle = TimeSpan.FromMilliseconds(250);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await RecoverAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await dispatcher.FireDueTimersAsync(stoppingToken);
                var steps = await dispatcher.RunUntilIdleAsync(maxSteps: 1000, cancellationToken: stoppingToken);
                if (steps == 0)
                {
                    await dispatcher.WaitForWorkAsync(Delay(), stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                // Storage outages and the like: nothing is lost (work stays in storage); try again shortly.
                LogLoopFailed(ex);
                await Task.Delay(TimeSpan.FromSeconds(1), time, stoppingToken);
                await RecoverAsync(stoppingToken);
            }
        }
    }

    private async Task RecoverAsync(CancellationToken stoppingToken)
    {
        for (var attempt = 1; !stoppingToken.IsCancellationRequested; attempt++)
        {
            try
            {
                await dispatcher.RecoverAsync(stoppingToken);
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogRecoveryFailed(ex, attempt);
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(attempt, 10)), time, stoppingToken);
            }
        }
    }

    private TimeSpan Delay()
    {
        var next = dispatcher.NextTimerDueUtc;
        if (next is null)
        {
            return MaxIdle;
        }

        var wait = next.Value - time.GetUtcNow().UtcDateTime;
        return wait <= TimeSpan.Zero ? TimeSpan.Zero : wait < MaxIdle ? wait : MaxIdle;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Workflow runtime step failed; retrying")]
    private partial void LogLoopFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Workflow runtime recovery failed (attempt {Attempt}); retrying")]
    private partial void LogRecoveryFailed(Exception exception, int attempt);
}
