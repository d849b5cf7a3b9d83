using ServerlessComplaints.Workflow.Lifecycle;
using ServerlessComplaints.Workflow.Orchestration;

namespace ServerlessComplaints.Workflow.Api;

/// <summary>
/// The case's current stage and input as the orchestration knows them: the custom status moves before the record
/// does (the record is written by the next activity), so actions and status pages read it first.
/// </summary>
internal static class CaseStageReader
{
    public static string? StageOf(WorkflowInstanceStatus? status) =>
        status?.RuntimeStatus == WorkflowRuntimeStatus.Failed
            ? CaseStage.Failed
            : WorkflowJson.Deserialize<CaseStatus>(status?.CustomStatusJson)?.Stage;

    public static ComplaintWorkflowInput? InputOf(WorkflowInstanceStatus? status) =>
        WorkflowJson.Deserialize<ComplaintWorkflowInput>(status?.InputJson);
}
