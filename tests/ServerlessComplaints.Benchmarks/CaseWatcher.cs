using System.Diagnostics;
using ServerlessComplaints.Workflow.Cases;
using ServerlessComplaints.Workflow.Lifecycle;
using ServerlessComplaints.Workflow.Orchestration;

namespace ServerlessComplaints.Benchmarks;

/// <summary>
/// How a benchmark's driver waits for a case's next step without loading Azurite itself: it reads the case's record
/// (in memory, as the activities write it) every <see cref="RecordInterval"/>, and the engine's status only once the
/// record shows the stage it waits for, or every <see cref="StatusInterval"/> in case it never does. On Azurite every
/// status read scans the instances table: hundreds of cases reading it every 250 ms loaded Azurite more than the
/// engine did. Status reads are left out of the storage request count.
/// </summary>
internal static class CaseWatcher
{
    public static readonly TimeSpan RecordInterval = TimeSpan.FromMilliseconds(250);

    public static readonly TimeSpan StatusInterval = TimeSpan.FromSeconds(15);

    /// <summary>Until the status satisfies <paramref name="reached"/>; a case that fails, or does not get there within <paramref name="maxWait"/>, throws <see cref="CaseStuckException"/>.</summary>
    public static async Task<WorkflowInstanceStatus> WaitAsync(IWorkflowClient client, IComplaintStore store, string id, CaseStage stage, Func<WorkflowInstanceStatus, bool> reached, TimeSpan maxWait, CancellationToken cancellationToken)
    {
        var waited = Stopwatch.StartNew();
        var statusRead = Stopwatch.StartNew();
        while (true)
        {
            var atStage = (await store.GetAsync(id, cancellationToken))?.Stage == stage;
            if (atStage || statusRead.Elapsed > StatusInterval)
            {
                statusRead.Restart();
                WorkflowInstanceStatus? status;
                using (StorageRequestMeter.Exclude())
                {
                    status = await client.GetStatusAsync(id, cancellationToken);
                }

                if (status is not null && reached(status))
                {
                    return status;
                }

                if (waited.Elapsed > maxWait || status?.RuntimeStatus is WorkflowRuntimeStatus.Failed or WorkflowRuntimeStatus.Terminated)
                {
                    throw new CaseStuckException($"Case {id} stuck waiting for stage {stage}: {status?.RuntimeStatus} {status?.FailureMessage} {status?.CustomStatusJson}");
                }
            }

            // At the stage, the status follows within an episode: read it again a little later.
            await Task.Delay(atStage ? TimeSpan.FromMilliseconds(500) : RecordInterval, cancellationToken);
        }
    }

    /// <summary>Until the case's status expects <paramref name="eventName"/>, which opens at <paramref name="stage"/>; its custom status JSON.</summary>
    public static async Task<string?> WaitForEventAsync(IWorkflowClient client, IComplaintStore store, string id, string eventName, CaseStage stage, TimeSpan maxWait, CancellationToken cancellationToken) =>
        (await WaitAsync(client, store, id, stage, s => WorkflowJson.Deserialize<CaseStatus>(s.CustomStatusJson)?.Expecting?.Any(e => e.EventName == eventName) == true, maxWait, cancellationToken)).CustomStatusJson;
}
