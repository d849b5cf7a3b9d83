using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ServerlessComplaints.Workflow.Api;

namespace ServerlessComplaints.Web.Features;

/// <summary>
/// Status-link lookups waiting for their mail, answered off the request path: the lookup page only queues a
/// well-formed lookup and answers at once, so the store read, the match and the send never show in its timing. One
/// reader, in order; a failed send is tried again twice (once only while stopping). In memory and bounded: a lookup
/// lost to a crash or a full queue is asked again by the customer; a graceful stop sends what is queued first. Logs
/// carry outcomes only.
/// </summary>
public sealed partial class LookupMailQueue(IServiceProvider services, ILogger<LookupMailQueue> logger) : BackgroundService
{
    public const int Capacity = 1000;

    private static readonly TimeSpan[] RetryDelays = [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5)];

    private readonly Channel<StatusLookupRequest> _waiting = Channel.CreateBounded<StatusLookupRequest>(
        new BoundedChannelOptions(Capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    /// <summary>Queues the lookup; false (and logged) when the queue is full or stopping.</summary>
    public bool Enqueue(StatusLookupRequest lookup)
    {
        if (_waiting.Writer.TryWrite(lookup))
        {
            return true;
        }

        LogNotQueued(logger);
        return false;
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // No new lookups; those queued are still answered until the host's stop timeout ends the wait.
        _waiting.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var lookup = services.GetRequiredService<StatusLookup>();
        await foreach (var request in _waiting.Reader.ReadAllAsync(CancellationToken.None))
        {
            await AnswerAsync(lookup, request, stoppingToken);
        }
    }

    private async Task AnswerAsync(StatusLookup lookup, StatusLookupRequest request, CancellationToken stopping)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                LogAnswered(logger, await lookup.MailStatusLinkAsync(request, CancellationToken.None));
                return;
            }
            catch (Exception ex) when (attempt < RetryDelays.Length && !stopping.IsCancellationRequested)
            {
                // While stopping, one attempt each: the drain must not hold the stop up with waits.
                LogRetrying(logger, attempt + 1, ex.GetType().Name);
                await Task.Delay(RetryDelays[attempt], CancellationToken.None);
            }
            catch (Exception ex)
            {
                // The exception's type only: a store's or mailer's message may carry the address.
                LogFailed(logger, attempt + 1, ex.GetType().Name);
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Status-link lookup answered: {Outcome}")]
    private static partial void LogAnswered(ILogger logger, StatusLookupOutcome outcome);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Status-link lookup attempt {Attempt} failed ({Error}); trying again")]
    private static partial void LogRetrying(ILogger logger, int attempt, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Status-link lookup failed after {Attempts} attempts ({Error}); the customer may ask again")]
    private static partial void LogFailed(ILogger logger, int attempts, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Status-link lookup not queued: the queue is full or stopping")]
    private static partial void LogNotQueued(ILogger logger);
}
