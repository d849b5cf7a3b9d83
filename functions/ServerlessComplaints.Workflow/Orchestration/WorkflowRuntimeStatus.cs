using System.Text.Json.Serialization;

namespace ServerlessComplaints.Workflow.Orchestration;

/// <summary>An orchestration instance's runtime status, with Durable Task's meanings.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<WorkflowRuntimeStatus>))]
public enum WorkflowRuntimeStatus
{
    Pending,
    Running,
    Completed,
    Failed,
    Terminated,
}
