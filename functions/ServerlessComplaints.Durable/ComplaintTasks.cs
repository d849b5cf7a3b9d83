using Microsoft.DurableTask;
using ServerlessComplaints.Workflow.Activities;
using ServerlessComplaints.Workflow.Lifecycle;

namespace ServerlessComplaints.Durable;

/// <summary>
/// The catalogue of what both hosts register, under the same names with the same payloads: the orchestrator (typed
/// input, so the bare shim deserializes it) and every activity (the workflow's own and <see cref="RecordFailedCase"/>).
/// </summary>
public static class ComplaintTasks
{
    /// <summary>Every activity by name: <see cref="ComplaintActivities.All"/> plus the failure recorder.</summary>
    public static IReadOnlyDictionary<string, Type> Activities { get; } =
        new Dictionary<string, Type>(ComplaintActivities.All, StringComparer.Ordinal) { [RecordFailedCase.Name] = typeof(RecordFailedCase) };

    /// <summary>The orchestrator as a Durable task (a fresh one per call: the shim keeps state per execution).</summary>
    public static ITaskOrchestrator CreateOrchestrator() =>
        FuncTaskOrchestrator.Create<ComplaintWorkflowInput, WorkflowOutcome>(async (context, input) => await ComplaintOrchestrator.RunAsync(context, input!));

    /// <summary>One activity as a Durable task, resolving its class from <paramref name="services"/> per call.</summary>
    public static ITaskActivity CreateActivity(string name, IServiceProvider services) =>
        Activities.TryGetValue(name, out var type)
            ? new WorkflowActivityTask(services, type)
            : throw new ArgumentException($"No activity named '{name}' in the catalogue.", nameof(name));

    /// <summary>Registers the orchestrator and every activity on a Durable Task SDK registry (Durable Functions' worker, the test host).</summary>
    public static DurableTaskRegistry AddComplaintTasks(this DurableTaskRegistry registry, IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(registry);
        registry.AddOrchestrator(ComplaintOrchestrator.Name, CreateOrchestrator);
        foreach (var name in Activities.Keys)
        {
            registry.AddActivity(name, CreateActivity(name, services));
        }

        return registry;
    }
}
