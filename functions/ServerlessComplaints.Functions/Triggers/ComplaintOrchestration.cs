using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using ServerlessComplaints.Functions.Durable;
using ServerlessComplaints.Workflow.Lifecycle;

namespace ServerlessComplaints.Functions.Triggers;

/// <summary>The one orchestrator: Durable's context wrapped in the port, the same ComplaintWorkflow the embedded runtime runs.</summary>
public static class ComplaintOrchestration
{
    [Function(ComplaintWorkflow.Name)]
    public static Task<WorkflowOutcome> RunAsync([OrchestrationTrigger] TaskOrchestrationContext context) =>
        ComplaintWorkflow.RunAsync(new DurableWorkflowContext(context), context.GetInput<ComplaintWorkflowInput>()!);
}
