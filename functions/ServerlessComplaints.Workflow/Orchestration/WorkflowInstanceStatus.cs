namespace ServerlessComplaints.Workflow.Orchestration;

/// <summary>What a client can read about an instance: runtime status, custom status, output or failure (all JSON).</summary>
public sealed record WorkflowInstanceStatus(
    string InstanceId,
    string Name,
    WorkflowRuntimeStatus RuntimeStatus,
    string? CustomStatusJson,
    string? OutputJson,
    string? FailureMessage,
    DateTime CreatedAtUtc,
    DateTime LastUpdatedAtUtc,
    string? InputJson = null);
