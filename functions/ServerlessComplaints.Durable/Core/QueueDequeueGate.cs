using Azure.Core;
using Azure.Core.Pipeline;

namespace ServerlessComplaints.Durable.Core;

/// <summary>
/// Closes the task hub's queues to new dequeues while a stop drains. Cancelling a dequeue that is already on the wire
/// (the backend cancels its polls when it stops) loses the message it took: invisible until its visibility timeout,
/// with nobody to process it. Behind a closed gate a dequeue is held before it is sent, until its poll is cancelled;
/// one already sent is counted, so a stop can wait for it to come back with its messages and have them processed.
/// Peeks, renewals and deletes pass.
/// </summary>
internal sealed class QueueDequeueGate(string taskHubName) : HttpPipelinePolicy
{
    private readonly string _workItems = TaskHubQueues.WorkItems(taskHubName);
    private readonly string _controlPrefix = TaskHubQueues.ControlPrefix(taskHubName);
    private readonly Lock _gate = new();
    private readonly int[] _inFlight = new int[2];
    private readonly bool[] _closed = new bool[2];

    public enum Queues
    {
        WorkItems = 0,
        Control = 1,
    }

    /// <summary>Holds new dequeues from these queues, then waits until those already sent have returned.</summary>
    public async Task CloseAsync(Queues queues, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _closed[(int)queues] = true;
        }

        while (Volatile.Read(ref _inFlight[(int)queues]) > 0)
        {
            await Task.Delay(20, cancellationToken);
        }
    }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
        ProcessAsync(message, pipeline).AsTask().GetAwaiter().GetResult();

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (DequeuedQueue(message.Request) is not { } queues)
        {
            await ProcessNextAsync(message, pipeline);
            return;
        }

        var index = (int)queues;
        bool counted;
        lock (_gate)
        {
            counted = !_closed[index];
            if (counted)
            {
                _inFlight[index]++;
            }
        }

        if (!counted)
        {
            // Never sent: the poll ends when the backend cancels it, and the message stays in the queue for the next start.
            message.CancellationToken.ThrowIfCancellationRequested();
            await Task.Delay(message.CancellationToken.CanBeCanceled ? Timeout.Infinite : 0, message.CancellationToken);
            throw new OperationCanceledException("The task hub is stopping: no new dequeues.", message.CancellationToken);
        }

        try
        {
            await ProcessNextAsync(message, pipeline);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight[index]);
        }
    }

    /// <summary>A dequeue is <c>GET {queue}/messages</c> without <c>peekonly</c>; null for any other request.</summary>
    private Queues? DequeuedQueue(Request request)
    {
        if (request.Method != RequestMethod.Get)
        {
            return null;
        }

        var uri = request.Uri.ToUri();
        var segments = uri.AbsolutePath.TrimEnd('/').Split('/');
        if (segments.Length < 2 || segments[^1] != "messages" || uri.Query.Contains("peekonly=true", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var queue = segments[^2];
        return queue == _workItems ? Queues.WorkItems : queue.StartsWith(_controlPrefix, StringComparison.Ordinal) ? Queues.Control : null;
    }
}
