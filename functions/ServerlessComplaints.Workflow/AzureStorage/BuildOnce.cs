namespace ServerlessComplaints.Workflow.AzureStorage;

/// <summary>
/// A derived table (the staff queue's projection, the dashboard's aggregates) built from the records when it never
/// was — no marker row — once per process. The build runs to its end even when the request that started it gives up;
/// later requests wait for the same one; a build that failed is tried again by the next request.
/// </summary>
internal sealed class BuildOnce(Func<CancellationToken, Task<bool>> isBuilt, Func<CancellationToken, Task> build)
{
    private readonly Lock _lock = new();
    private Task? _build;

    public Task EnsureAsync(CancellationToken cancellationToken)
    {
        Task running;
        lock (_lock)
        {
            if (_build is null || _build.IsFaulted || _build.IsCanceled)
            {
                _build = Task.Run(() => BuildIfMissingAsync(CancellationToken.None), CancellationToken.None);
            }

            running = _build;
        }

        return running.IsCompletedSuccessfully ? Task.CompletedTask : running.WaitAsync(cancellationToken);
    }

    private async Task BuildIfMissingAsync(CancellationToken cancellationToken)
    {
        if (!await isBuilt(cancellationToken).ConfigureAwait(false))
        {
            await build(cancellationToken).ConfigureAwait(false);
        }
    }
}
