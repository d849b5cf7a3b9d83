using ServerlessComplaints.Harness.Execution;
using ServerlessComplaints.Workflow.Lifecycle;

namespace ServerlessComplaints.Harness.Hosting;

/// <summary>The orchestrations the test harness runs.</summary>
public static class ComplaintOrchestrations
{
    public static OrchestrationRegistry CreateRegistry() =>
        new OrchestrationRegistry().Add<ComplaintWorkflowInput, WorkflowOutcome>(ComplaintWorkflow.Name, ComplaintWorkflow.RunAsync);
}
