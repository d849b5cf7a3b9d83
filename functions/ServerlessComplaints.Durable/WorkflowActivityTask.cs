using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using ServerlessComplaints.Workflow.Diagnostics;
using ServerlessComplaints.Workflow.Orchestration;

namespace ServerlessComplaints.Durable;

/// <summary>A Workflow activity class as a Durable activity: resolved per call in a scope of its own, as the Functions host resolves a trigger class.</summary>
internal sealed class WorkflowActivityTask(IServiceProvider services, Type type) : ITaskActivity
{
    public Type InputType { get; } = ActivityTypes(type).Input;

    public Type OutputType { get; } = ActivityTypes(type).Output;

    public async Task<object?> RunAsync(TaskActivityContext context, object? input)
    {
        await using var scope = services.CreateAsyncScope();
        var activity = (IWorkflowActivity)ActivatorUtilities.GetServiceOrCreateInstance(scope.ServiceProvider, type);
        try
        {
            return await activity.RunAsync(input, CancellationToken.None);
        }
        catch (Exception)
        {
            WorkflowTelemetry.ActivityFailed(context.Name.Name);
            throw;
        }
    }

    // WorkflowActivity<TInput, TOutput> declares both; read them from the type, no instance needed.
    private static (Type Input, Type Output) ActivityTypes(Type activity)
    {
        for (var t = activity; t is not null; t = t.BaseType)
        {
            if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(WorkflowActivity<,>))
            {
                var args = t.GetGenericArguments();
                return (args[0], args[1]);
            }
        }

        throw new ArgumentException($"{activity.Name} is not a WorkflowActivity<TInput, TOutput>.", nameof(activity));
    }
}
