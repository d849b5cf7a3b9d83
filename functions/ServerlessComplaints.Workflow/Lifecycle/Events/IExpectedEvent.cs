namespace ServerlessComplaints.Workflow.Lifecycle.Events;

/// <summary>An event that answers one expectation of the workflow, named by its round.</summary>
public interface IExpectedEvent
{
    /// <summary>The round of the expectation this event answers; null from callers of workflow version 1.</summary>
    string? Round { get; }
}
