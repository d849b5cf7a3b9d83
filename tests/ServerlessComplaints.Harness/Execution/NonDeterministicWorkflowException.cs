namespace ServerlessComplaints.Harness.Execution;

/// <summary>Replay produced different actions than the recorded history: the orchestrator is not deterministic.</summary>
public sealed class NonDeterministicWorkflowException : Exception
{
    public NonDeterministicWorkflowException()
    {
    }

    public NonDeterministicWorkflowException(string message)
        : base("Non-deterministic workflow: " + message)
    {
    }

    public NonDeterministicWorkflowException(string message, Exception innerException)
        : base("Non-deterministic workflow: " + message, innerException)
    {
    }
}
