using Microsoft.Extensions.DependencyInjection;
using ServerlessComplaints.Workflow.Orchestration;

namespace ServerlessComplaints.Harness.Activities;

/// <summary>Resolves activity classes from dependency injection, one scope per call.</summary>
public sealed class ServiceProviderActivityInvoker(IServiceProvider services, IReadOnlyDictionary<string, Type> activities) : IActivityInvoker
{
    public async Task<string?> InvokeAsync(string name, string? inputJson, CancellationToken cancellationToken)
    {
        if (!activities.TryGetValue(name, out var type))
        {
            throw new InvalidOperationException($"No activity named '{name}' is registered.");
        }

        await using var scope = services.CreateAsyncScope();
        var activity = (IWorkflowActivity)scope.ServiceProvider.GetRequiredService(type);
        var input = WorkflowJson.Deserialize(inputJson, activity.InputType);
        var output = await activity.RunAsync(input, cancellationToken);
        return output is null ? null : System.Text.Json.JsonSerializer.Serialize(output, activity.OutputType, WorkflowJson.Options);
    }
}
