using Microsoft.Azure.Functions.Worker;
using ServerlessComplaints.Workflow.Activities;
using ServerlessComplaints.Workflow.Calendar;
using ServerlessComplaints.Workflow.Cases;
using ServerlessComplaints.Workflow.Domain;
using ServerlessComplaints.Workflow.Notifications;

namespace ServerlessComplaints.Functions.Triggers;

/// <summary>One activity trigger per Workflow activity (ComplaintActivities.All), each delegating to the activity class.</summary>
public sealed class ComplaintActivityFunctions(
    SaveComplaint saveComplaint,
    AssessComplaint assessComplaint,
    PlanDeadline planDeadline,
    AssignApprovers assignApprovers,
    SendNotification sendNotification,
    RecordProgress recordProgress,
    ArchiveComplaint archiveComplaint)
{
    [Function(nameof(SaveComplaint))]
    public Task<bool> Save([ActivityTrigger] ComplaintDetails input, FunctionContext context) =>
        saveComplaint.RunAsync(input, context.CancellationToken);

    [Function(nameof(AssessComplaint))]
    public Task<CaseAssessment> Assess([ActivityTrigger] string input, FunctionContext context) =>
        assessComplaint.RunAsync(input, context.CancellationToken);

    [Function(nameof(PlanDeadline))]
    public Task<SlaPlan> Plan([ActivityTrigger] DeadlineRequest input, FunctionContext context) =>
        planDeadline.RunAsync(input, context.CancellationToken);

    [Function(nameof(AssignApprovers))]
    public Task<IReadOnlyList<ApproverAssignment>> Approvers([ActivityTrigger] ApproverRequest input, FunctionContext context) =>
        assignApprovers.RunAsync(input, context.CancellationToken);

    [Function(nameof(SendNotification))]
    public Task<NotificationResult> Notify([ActivityTrigger] NotificationRequest input, FunctionContext context) =>
        sendNotification.RunAsync(input, context.CancellationToken);

    [Function(nameof(RecordProgress))]
    public Task<bool> Record([ActivityTrigger] CaseProgress input, FunctionContext context) =>
        recordProgress.RunAsync(input, context.CancellationToken);

    [Function(nameof(ArchiveComplaint))]
    public Task<DateTime> Archive([ActivityTrigger] ArchiveRequest input, FunctionContext context) =>
        archiveComplaint.RunAsync(input, context.CancellationToken);
}
