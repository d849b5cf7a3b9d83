using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using ServerlessComplaints.Functions.Durable;
using ServerlessComplaints.Workflow.Lifecycle;
using ServerlessComplaints.Workflow.Orchestration;

namespace ServerlessComplaints.Functions.Triggers;

/// <summary>The one orchestrator: Durable's context wrapped in the port, the same ComplaintWorkflow the embedded runtime runs.</summary>
public static class ComplaintOrchestration
{
    [Function(ComplaintWorkflow.Name)]
    public static async Task<WorkflowOutcome> RunAsync([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var workflow = new DurableWorkflowContext(context);
        var input = context.GetInput<ComplaintWorkflowInput>()!;
        try
        {
            return await ComplaintWorkflow.RunAsync(workflow, input);
        }
        catch (Exception failure)
        {
            // Staff must see the case as failed; rethrown so Durable still marks the instance Failed.
            await RecordFailureAsync(workflow, input?.Settings ?? new WorkflowSettings(), failure);
            throw;
        }
    }

    private static async Task RecordFailureAsync(IWorkflowContext workflow, WorkflowSettings settings, Exception failure)
    {
        var retry = new WorkflowRetryPolicy(settings.ActivityAttempts, settings.ActivityFirstRetry, 2.0, TimeSpan.FromMinutes(5));
        try
        {
            await workflow.CallActivityAsync(FailedCaseFunction.Name, new FailedCaseReport(workflow.InstanceId, Describe(failure)), retry);
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
