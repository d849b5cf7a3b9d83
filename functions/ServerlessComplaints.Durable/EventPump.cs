namespace ServerlessComplaints.Durable;

/// <summary>Events of one name: buffered in order, handed to the oldest live waiter; a cancelled waiter leaves the queue.</summary>
internal sealed class EventPump(Type payloadType)
{
    private readonly Queue<object?> _buffered = new();
    private readonly LinkedList<(TaskCompletionSource<object?> Waiter, CancellationTokenRegistration Registration)> _waiters = new();

    public Type PayloadType { get; } = payloadType;

    public Task<T> Wait<T>(CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<T>(cancellationToken);
        }

        if (_buffered.Count > 0)
        {
            return Task.FromResult((T)_buffered.Dequeue()!);
        }

        var waiter = new TaskCompletionSource<object?>();
        var node = _waiters.AddLast((waiter, default));
        if (cancellationToken.CanBeCanceled)
        {
            node.Value = (waiter, cancellationToken.Register(() =>
            {
                if (node.List is not null)
                {
                    _waiters.Remove(node);
                    waiter.TrySetCanceled(cancellationToken);
                }
            }));
        }

        return Convert<T>(waiter.Task);
    }

    public void Deliver(object? payload)
    {
        if (_waiters.First is { } first)
        {
            _waiters.RemoveFirst();
            first.Value.Registration.Dispose();
            first.Value.Waiter.SetResult(payload);
            return;
        }

        _buffered.Enqueue(payload);
    }

    private static async Task<T> Convert<T>(Task<object?> raw) => (T)(await raw)!;
}
