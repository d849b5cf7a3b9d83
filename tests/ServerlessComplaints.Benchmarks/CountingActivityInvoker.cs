using ServerlessComplaints.Runtime.Activities;

namespace ServerlessComplaints.Benchmarks;

/// <summary>Counts the activities the dispatcher runs, to tell them apart from orchestration steps.</summary>
internal sealed class CountingActivityInvoker(IActivityInvoker inner) : IActivityInvoker
{
    private int _count;

    public int Count => _count;

    public Task<string?> InvokeAsync(string name, string? inputJson, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _count);
        return inner.InvokeAsync(name, inputJson, cancellationToken);
    }
}
