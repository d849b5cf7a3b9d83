using Microsoft.Azure.Functions.Worker;
using ServerlessComplaints.Workflow.Api;

namespace ServerlessComplaints.Functions.Triggers;

/// <summary>
/// The activity the orchestrator trigger calls when a case's workflow fails: marks the record stage "failed" with the
/// error on its timeline, so staff see it in the queue (LocalHost does the same through the dispatcher's hook).
/// </summary>
public sealed class FailedCaseFunction(FailedCaseRecorder recorder)
{
    public const string Name = "RecordFailedCase";

    [Function(Name)]
    public Task RunAsync([ActivityTrigger] FailedCaseReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        return recorder.RecordAsync(report.TrackingNumber, report.Failure, cancellationToken);
    }
}

/// <summary>Which case failed and why, as the orchestrator saw it.</summary>
public sealed record FailedCaseReport(string TrackingNumber, string Failure);
