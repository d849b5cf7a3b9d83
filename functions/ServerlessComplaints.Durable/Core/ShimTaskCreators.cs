using DurableTask.Core;
using Microsoft.DurableTask.Worker.Shims;

namespace ServerlessComplaints.Durable.Core;

/// <summary>
/// The catalogue's orchestrator as a DurableTask.Core orchestration: a fresh orchestrator and shim per Create(), since
/// the shim keeps one execution's state (the stock NameValueObjectCreator would share one across executions).
/// </summary>
internal sealed class ShimOrchestrationCreator : ObjectCreator<TaskOrchestration>
{
    private readonly DurableTaskShimFactory _shims;

    public ShimOrchestrationCreator(DurableTaskShimFactory shims)
    {
        _shims = shims;
        Name = ComplaintOrchestrator.Name;
        Version = string.Empty;
    }

    public override TaskOrchestration Create() => _shims.CreateOrchestration(Name, ComplaintTasks.CreateOrchestrator());
}

/// <summary>One catalogue activity as a DurableTask.Core activity, a fresh shim per Create().</summary>
internal sealed class ShimActivityCreator : ObjectCreator<TaskActivity>
{
    private readonly DurableTaskShimFactory _shims;
    private readonly IServiceProvider _services;

    public ShimActivityCreator(DurableTaskShimFactory shims, IServiceProvider services, string name)
    {
        _shims = shims;
        _services = services;
        Name = name;
        Version = string.Empty;
    }

    public override TaskActivity Create() => _shims.CreateActivity(Name, ComplaintTasks.CreateActivity(Name, _services));
}
