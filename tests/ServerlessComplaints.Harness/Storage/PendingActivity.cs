namespace ServerlessComplaints.Harness.Storage;

/// <summary>An activity scheduled by an orchestrator and not yet completed.</summary>
public sealed record PendingActivity(string InstanceId, int TaskId, string Name, string? InputJson);
