using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using ServerlessComplaints.Durable;
using ServerlessComplaints.Workflow.Lifecycle;

namespace ServerlessComplaints.Functions.Triggers;

/// <summary>The one orchestrator, from the Durable catalogue (the local service registers the same).</summary>
public static class ComplaintOrchestration
{
    [Function(ComplaintOrchestrator.Name)]
    public static Task<WorkflowOutcome> RunAsync([OrchestrationTrigger] TaskOrchestrationContext context) =>
        ComplaintOrchestrator.RunAsync(context, context.GetInput<ComplaintWorkflowInput>()!);
}
