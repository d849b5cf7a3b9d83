namespace ServerlessComplaints.Workflow.Lifecycle;

/// <summary>Something the orchestrator does at a point in time while it waits (a reminder, an escalation).</summary>
internal sealed record Checkpoint(DateTime AtUtc, Func<Task> Action);
