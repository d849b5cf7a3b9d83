using ServerlessComplaints.Workflow.Authorization;
using ServerlessComplaints.Workflow.Cases;
using ServerlessComplaints.Workflow.Lifecycle;
using ServerlessComplaints.Workflow.Orchestration;

namespace ServerlessComplaints.Workflow.Api;

/// <summary>
/// The case's current stage and input as the orchestration knows them: the custom status moves before the record
/// does (the record is written by the next activity), so actions and status pages read it first.
/// </summary>
internal static class CaseStageReader
{
    public static CaseStage? StageOf(WorkflowInstanceStatus? status) =>
        status?.RuntimeStatus == WorkflowRuntimeStatus.Failed
            ? CaseStage.Failed
            : WorkflowJson.Deserialize<CaseStatus>(status?.CustomStatusJson)?.Stage;

    /// <summary>
    /// The case as the authorization decision sees it: the record's people, the orchestration's stage and waits. The
    /// orchestration's owner is the one it assigned; once the case is reassigned, the record's owner is the owner.
    /// </summary>
    public static CaseSnapshot SnapshotOf(ComplaintRecord record, WorkflowInstanceStatus? status)
    {
        ArgumentNullException.ThrowIfNull(record);
        var custom = WorkflowJson.Deserialize<CaseStatus>(status?.CustomStatusJson);
        return new CaseSnapshot(
            record.Details.Kind,
            record.DepartmentId,
            record.PreviousOwnerIds.Count > 0 ? record.OwnerId : custom?.Owner ?? record.OwnerId,
            StageOf(status) ?? record.Stage,
            status?.RuntimeStatus,
            custom?.Expecting,
            Closed: record.Outcome is not null,
            PreviousOwners: record.PreviousOwnerIds);
    }

    public static ComplaintWorkflowInput? InputOf(WorkflowInstanceStatus? status) =>
        WorkflowJson.Deserialize<ComplaintWorkflowInput>(status?.InputJson);
}
