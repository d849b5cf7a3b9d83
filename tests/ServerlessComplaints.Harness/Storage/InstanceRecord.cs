using ServerlessComplaints.Workflow.Orchestration;

namespace ServerlessComplaints.Harness.Storage;

/// <summary>The instance row: status and the last episode's results. <see cref="Version"/> guards concurrent writers.</summary>
public sealed record InstanceRecord(
    string InstanceId,
    string Name,
    WorkflowRuntimeStatus Status,
    string? InputJson,
    DateTime CreatedAtUtc,
    DateTime LastUpdatedAtUtc,
    string? CustomStatusJson = null,
    string? OutputJson = null,
    string? Failure = null,
    long Version = 0)
{
    /// <summary>The storage ETag read with the row (null in memory); a commit is conditional on it.</summary>
    public string? ETag { get; init; }

    public bool IsTerminal => Status is WorkflowRuntimeStatus.Completed or WorkflowRuntimeStatus.Failed or WorkflowRuntimeStatus.Terminated;

    public WorkflowInstanceStatus ToStatus() =>
        new(InstanceId, Name, Status, CustomStatusJson, OutputJson, Failure, CreatedAtUtc, LastUpdatedAtUtc, InputJson);
}
