using Microsoft.DurableTask;
using ServerlessComplaints.Workflow.Lifecycle;
using ServerlessComplaints.Workflow.Orchestration;

namespace ServerlessComplaints.Durable;

/// <summary>
/// The one orchestrator both hosts run: Durable's context wrapped in the port, then <see cref="ComplaintWorkflow"/>. A
/// failure is recorded on the case (activity <see cref="RecordFailedCase"/>) and rethrown, so the instance still fails.
/// </summary>
public static class ComplaintOrchestrator
{
    public const string Name = ComplaintWorkflow.Name;

    public static async Task<WorkflowOutcome> RunAsync(TaskOrchestrationContext context, ComplaintWorkflowInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var workflow = new DurableWorkflowContext(context);
        try
        {
            return await ComplaintWorkflow.RunAsync(workflow, input);
        }
        catch (Exception failure)
        {
            // Staff must see the case as failed; rethrown so Durable still marks the instance Failed.
            await RecordFailureAsync(workflow, input.Settings ?? new WorkflowSettings(), failure);
            throw;
        }
    }

    private static async Task RecordFailureAsync(IWorkflowContext workflow, WorkflowSettings settings, Exception failure)
    {
        var retry = new WorkflowRetryPolicy(settings.ActivityAttempts, settings.ActivityFirstRetry, 2.0, TimeSpan.FromMinutes(5));
        try
        {
            await workflow.CallActivityAsync<bool>(RecordFailedCase.Name, new FailedCaseReport(workflow.InstanceId, Describe(failure)), retry);
        }
        catch (TaskFailedException)
        {
            // The case's own failure is the one to keep; the instance fails with it either way.
        }
    }

    private static string Describe(Exception failure) => failure is TaskFailedException { FailureDetails: { } details } task
        ? $"{task.TaskName} failed: {details.ErrorType}: {details.ErrorMessage}"
        : $"{failure.GetType().Name}: {failure.Message}";
}
