using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using ServerlessComplaints.Functions.Durable;
using ServerlessComplaints.Workflow.Lifecycle;

namespace ServerlessComplaints.Functions.Triggers;

/// <summary>The one orchestrator: Durable's context wrapped in the port, the same ComplaintWorkflow the embedded runtime runs.</summary>
public static class ComplaintOrchestration
{
    private static readonly TaskOptions RecordRetry = TaskOptions.FromRetryPolicy(new RetryPolicy(3, TimeSpan.FromSeconds(5)));

    [Function(ComplaintWorkflow.Name)]
    public static async Task<WorkflowOutcome> RunAsync([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            return await ComplaintWorkflow.RunAsync(new DurableWorkflowContext(context), context.GetInput<ComplaintWorkflowInput>()!);
        }
        catch (Exception failure)
        {
            // Staff must see the case as failed; rethrown so Durable still marks the instance Failed.
            await RecordFailureAsync(context, failure);
            throw;
        }
    }

    private static async Task RecordFailureAsync(TaskOrchestrationContext context, Exception failure)
    {
        try
        {
            await context.CallActivityAsync(FailedCaseFunction.Name, new FailedCaseReport(context.InstanceId, Describe(failure)), RecordRetry);
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
