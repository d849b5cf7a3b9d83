namespace ServerlessComplaints.Workflow.Orchestration;

/// <summary>The untyped face of an activity, for hosts that dispatch by name.</summary>
public interface IWorkflowActivity
{
    Type InputType { get; }

    Type OutputType { get; }

    Task<object?> RunAsync(object? input, CancellationToken cancellationToken);
}
