namespace ServerlessComplaints.Harness.Storage;

/// <summary>A durable timer waiting to fire.</summary>
public sealed record PendingTimer(string InstanceId, int TaskId, DateTime FireAtUtc);
