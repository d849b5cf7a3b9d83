using ServerlessComplaints.Workflow.Orchestration;

namespace ServerlessComplaints.Harness.Execution;

/// <summary>
/// External events per name: delivered in order to live waiters, buffered while nobody waits.
/// A cancelled wait leaves the queue at once, so it never takes an event.
/// </summary>
internal sealed class EventQueues
{
    private readonly Dictionary<string, Queue<string?>> _buffered = new(StringComparer.Ordinal);
    private readonly Dictionary<string, LinkedList<TaskCompletionSource<string?>>> _waiters = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Type> _payloadTypes = new(StringComparer.Ordinal);

    public int LiveWaiters => _waiters.Values.Sum(list => list.Count);

    public Task<T> Wait<T>(string name, CancellationToken cancellationToken)
    {
        if (_payloadTypes.TryGetValue(name, out var known) && known != typeof(T))
        {
            throw new InvalidOperationException(
                $"Event '{name}' is awaited as {typeof(T).Name} but earlier as {known.Name}: one payload type per event name.");
        }

        _payloadTypes[name] = typeof(T);
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<T>(cancellationToken);
        }

        if (_buffered.TryGetValue(name, out var queue) && queue.Count > 0)
        {
            return Task.FromResult(WorkflowJson.Deserialize<T>(queue.Dequeue())!);
        }

        var waiter = new TaskCompletionSource<string?>();
        var list = _waiters.TryGetValue(name, out var existing) ? existing : _waiters[name] = new();
        var node = list.AddLast(waiter);
        if (cancellationToken.CanBeCanceled)
        {
            cancellationToken.Register(() =>
            {
                if (node.List is not null)
                {
                    list.Remove(node);
                    waiter.TrySetCanceled(cancellationToken);
                }
            });
        }

        return Convert<T>(waiter.Task);
    }

    public void Deliver(string name, string? payloadJson)
    {
        if (_waiters.TryGetValue(name, out var list) && list.First is { } first)
        {
            list.RemoveFirst();
            first.Value.SetResult(payloadJson);
            return;
        }

        var queue = _buffered.TryGetValue(name, out var existing) ? existing : _buffered[name] = new();
        queue.Enqueue(payloadJson);
    }

    private static async Task<T> Convert<T>(Task<string?> raw) => WorkflowJson.Deserialize<T>(await raw)!;
}
