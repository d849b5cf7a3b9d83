using ServerlessComplaints.Harness.Activities;
using ServerlessComplaints.Workflow.Orchestration;

namespace ServerlessComplaints.Harness.Tests;

/// <summary>Activities as lambdas over JSON, counting every call.</summary>
internal sealed class DelegateActivityInvoker : IActivityInvoker
{
    private readonly Dictionary<string, Func<string?, Task<object?>>> _activities = [];

    public List<string> Calls { get; } = [];

    public DelegateActivityInvoker Add<TIn, TOut>(string name, Func<TIn, TOut> activity)
    {
        _activities[name] = json => Task.FromResult<object?>(activity(WorkflowJson.Deserialize<TIn>(json)!));
        return this;
    }

    public async Task<string?> InvokeAsync(string name, string? inputJson, CancellationToken cancellationToken)
    {
        Calls.Add(name);
        var result = await _activities[name](inputJson);
        return WorkflowJson.Serialize(result);
    }
}
