namespace ServerlessComplaints.Workflow.Orchestration;

/// <summary>Thrown into the orchestrator when an activity failed after its last retry.</summary>
public sealed class WorkflowActivityFailedException : Exception
{
    public WorkflowActivityFailedException(string activityName, string failure)
        : base($"Activity '{activityName}' failed: {failure}")
    {
        ActivityName = activityName;
        Failure = failure;
    }

    public WorkflowActivityFailedException()
    {
        ActivityName = string.Empty;
        Failure = string.Empty;
    }

    public WorkflowActivityFailedException(string message)
        : base(message)
    {
        ActivityName = string.Empty;
        Failure = message;
    }

    public WorkflowActivityFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
        ActivityName = string.Empty;
        Failure = message;
    }

    public string ActivityName { get; }

    public string Failure { get; }
}
