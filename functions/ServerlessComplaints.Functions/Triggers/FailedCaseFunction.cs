using Microsoft.Azure.Functions.Worker;
using ServerlessComplaints.Durable;
using ServerlessComplaints.Workflow.Api;

namespace ServerlessComplaints.Functions.Triggers;

/// <summary>The activity the orchestrator calls when a case's workflow fails (the catalogue's <see cref="RecordFailedCase"/>).</summary>
public sealed class FailedCaseFunction(FailedCaseRecorder recorder)
{
    [Function(RecordFailedCase.Name)]
    public Task<bool> RunAsync([ActivityTrigger] FailedCaseReport report, FunctionContext context) =>
        new RecordFailedCase(recorder).RunAsync(report, context.CancellationToken);
}
