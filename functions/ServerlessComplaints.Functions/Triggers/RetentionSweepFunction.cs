using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using ServerlessComplaints.Durable;
using ServerlessComplaints.Workflow.Retention;

namespace ServerlessComplaints.Functions.Triggers;

/// <summary>The daily retention sweep (03:00 UTC): records, evidence and orchestration history of expired cases.</summary>
public sealed class RetentionSweepFunction(IServiceProvider services)
{
    [Function("RetentionSweep")]
    public async Task RunAsync([TimerTrigger("0 0 3 * * *")] TimerInfo timer, [DurableClient] DurableTaskClient client, FunctionContext context)
    {
        // The sweep purges through this invocation's Durable client, handed in explicitly.
        var sweep = ActivatorUtilities.CreateInstance<RetentionSweep>(services, new DurableWorkflowClient(client));
        await sweep.RunAsync(context.CancellationToken);
    }
}
