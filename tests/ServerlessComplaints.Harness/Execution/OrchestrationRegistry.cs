using ServerlessComplaints.Workflow.Orchestration;

namespace ServerlessComplaints.Harness.Execution;

/// <summary>Orchestrator functions by name; inputs and outputs travel as JSON, as in Durable Task.</summary>
public sealed class OrchestrationRegistry
{
    private readonly Dictionary<string, Func<IWorkflowContext, string?, Task<string?>>> _orchestrators = new(StringComparer.Ordinal);

    public OrchestrationRegistry Add<TInput, TOutput>(string name, Func<IWorkflowContext, TInput, Task<TOutput>> orchestrator)
    {
        _orchestrators.Add(name, async (context, inputJson) =>
        {
            var input = WorkflowJson.Deserialize<TInput>(inputJson)!;
            var output = await orchestrator(context, input);
            return WorkflowJson.Serialize(output);
        });
        return this;
    }

    public bool Contains(string name) => _orchestrators.ContainsKey(name);

    internal Func<IWorkflowContext, string?, Task<string?>> Get(string name) =>
        _orchestrators.TryGetValue(name, out var orchestrator)
            ? orchestrator
            : throw new InvalidOperationException($"No orchestrator named '{name}' is registered.");
}
