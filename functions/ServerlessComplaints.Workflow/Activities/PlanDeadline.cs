using ServerlessComplaints.Workflow.Calendar;
using ServerlessComplaints.Workflow.Orchestration;

namespace ServerlessComplaints.Workflow.Activities;

/// <summary>Working-day arithmetic for the orchestrator, which must not read the calendar itself (it is configuration).</summary>
public sealed class PlanDeadline(SlaClock clock) : WorkflowActivity<DeadlineRequest, SlaPlan>
{
    public override Task<SlaPlan> RunAsync(DeadlineRequest input, CancellationToken cancellationToken) =>
        Task.FromResult(clock.Plan(input.StartUtc, input.Span ?? clock.SpanFor(input.Kind, input.Extended)));
}
