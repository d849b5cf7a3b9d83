using ServerlessComplaints.Workflow.Api;
using ServerlessComplaints.Workflow.Orchestration;

namespace ServerlessComplaints.Durable;

/// <summary>
/// The activity the orchestrator calls when a case's workflow fails: marks the record stage "failed" with the error on
/// its timeline, so staff see it in the queue.
/// </summary>
public sealed class RecordFailedCase(FailedCaseRecorder recorder) : WorkflowActivity<FailedCaseReport, bool>
{
    public const string Name = nameof(RecordFailedCase);

    public override async Task<bool> RunAsync(FailedCaseReport input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        await recorder.RecordAsync(input.TrackingNumber, input.Failure, cancellationToken);
        return true;
    }
}

/// <summary>Which case failed and why, as the orchestrator saw it.</summary>
public sealed record FailedCaseReport(string TrackingNumber, string Failure);
