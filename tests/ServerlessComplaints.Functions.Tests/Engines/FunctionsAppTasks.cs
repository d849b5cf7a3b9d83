using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using ServerlessComplaints.Functions.Triggers;
using ServerlessComplaints.Workflow.Activities;
using ServerlessComplaints.Workflow.Api;
using ServerlessComplaints.Workflow.Lifecycle;
using ServerlessComplaints.Workflow.Orchestration;

namespace ServerlessComplaints.Functions.Tests.Engines;

/// <summary>
/// The Functions app's orchestrator trigger and activities on a plain Durable Task registry, under the names the
/// app binds them (the bindings tests check those names against the built functions.metadata).
/// </summary>
internal static class FunctionsAppTasks
{
    public static void AddTo(DurableTaskRegistry registry, IServiceProvider services)
    {
        // Typed: the bare SDK hands an untyped orchestrator no input, and the trigger's GetInput would throw.
        registry.AddOrchestratorFunc<ComplaintWorkflowInput, WorkflowOutcome>(ComplaintWorkflow.Name, RunTriggerAsync);
        foreach (var (name, type) in ComplaintActivities.All)
        {
            registry.AddActivity(name, new WorkflowActivityTask(services, type));
        }

        registry.AddActivityFunc<FailedCaseReport>(FailedCaseFunction.Name, (context, report) =>
            new FailedCaseFunction(services.GetRequiredService<FailedCaseRecorder>()).RunAsync(report, CancellationToken.None));
    }

    private static Task<WorkflowOutcome> RunTriggerAsync(TaskOrchestrationContext context, ComplaintWorkflowInput input) => ComplaintOrchestration.RunAsync(context);

    /// <summary>A Workflow activity class resolved per call, one scope each, as the Functions host resolves the trigger class.</summary>
    private sealed class WorkflowActivityTask : ITaskActivity
    {
        private readonly IServiceProvider _services;
        private readonly Type _type;

        public WorkflowActivityTask(IServiceProvider services, Type type)
        {
            _services = services;
            _type = type;
            using var scope = services.CreateScope();
            var activity = (IWorkflowActivity)scope.ServiceProvider.GetRequiredService(type);
            InputType = activity.InputType;
            OutputType = activity.OutputType;
        }

        public Type InputType { get; }

        public Type OutputType { get; }

        public async Task<object?> RunAsync(TaskActivityContext context, object? input)
        {
            await using var scope = _services.CreateAsyncScope();
            return await ((IWorkflowActivity)scope.ServiceProvider.GetRequiredService(_type)).RunAsync(input, CancellationToken.None);
        }
    }
}
