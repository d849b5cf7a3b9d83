using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using ServerlessComplaints.Functions.Durable;
using ServerlessComplaints.Workflow.Retention;

namespace ServerlessComplaints.Functions.Triggers;

/// <summary>The daily retention sweep (03:00 UTC): records, evidence and orchestration history of expired cases.</summary>
public sealed class RetentionSweepFunction(RetentionSweep sweep)
{
    [Function("RetentionSweep")]
    public async Task RunAsync([TimerTrigger("0 0 3 * * *")] TimerInfo timer, [DurableClient] DurableTaskClient client, FunctionContext context)
    {
        AmbientWorkflowClient.Use(client);
        await sweep.RunAsync(context.CancellationToken);
    }
}
