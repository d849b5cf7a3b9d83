namespace ServerlessComplaints.Harness.Execution;

/// <summary>An activity the orchestrator scheduled in this episode, to be run by the dispatcher.</summary>
public sealed record ActivityRequest(int TaskId, string Name, string? InputJson);
