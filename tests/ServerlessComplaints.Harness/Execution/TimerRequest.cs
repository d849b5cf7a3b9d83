namespace ServerlessComplaints.Harness.Execution;

/// <summary>A durable timer the orchestrator created in this episode.</summary>
public sealed record TimerRequest(int TaskId, DateTime FireAtUtc);
