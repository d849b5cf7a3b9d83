namespace ServerlessComplaints.Workflow.Orchestration;

/// <summary>
/// Base of every activity: a plain class with its dependencies in the constructor, called by name from the
/// orchestrator. Hosts call it through <see cref="IWorkflowActivity"/> after deserialising the input.
/// </summary>
public abstract class WorkflowActivity<TInput, TOutput> : IWorkflowActivity
{
    public Type InputType => typeof(TInput);

    public Type OutputType => typeof(TOutput);

    public abstract Task<TOutput> RunAsync(TInput input, CancellationToken cancellationToken);

    async Task<object?> IWorkflowActivity.RunAsync(object? input, CancellationToken cancellationToken) =>
        await RunAsync((TInput)input!, cancellationToken).ConfigureAwait(false);
}
