using Microsoft.Extensions.Logging;
using ServerlessComplaints.Workflow.Cases;
using ServerlessComplaints.Workflow.Evidence;
using ServerlessComplaints.Workflow.Lifecycle;
using ServerlessComplaints.Workflow.Notifications;
using ServerlessComplaints.Workflow.Orchestration;

namespace ServerlessComplaints.Workflow.Retention;

/// <summary>
/// Deletes archived cases past their retention date: runtime history, evidence, timeline, outbox rows, then the record,
/// leaving a PII-free <see cref="DeletionRecord"/>. A legal hold or a still-running workflow keeps the case. The record
/// goes last, so a sweep interrupted midway leaves the case listed and the next sweep finishes it.
/// </summary>
public sealed partial class RetentionSweep(
    IComplaintStore store,
    ITimelineStore timeline,
    IEvidenceStore evidence,
    INotificationOutbox outbox,
    IDeletionLog deletions,
    IWorkflowClient client,
    RetentionOptions options,
    TimeProvider time,
    ILogger<RetentionSweep> logger)
{
    // Bounds the loop: every batch deletes or sets aside at least one case, or the sweep ends.
    private const int MaxBatches = 100_000;

    private enum Swept
    {
        Deleted,
        Held,
        Running,
        Failed,
        Unchanged,
    }

    public async Task<RetentionSweepResult> RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var counts = new Dictionary<Swept, int>();

        // Cases kept in this run are listed again by every query; asking for that many more keeps the batches moving.
        var setAside = new HashSet<string>(StringComparer.Ordinal);
        for (var batch = 0; batch < MaxBatches; batch++)
        {
            var take = options.BatchSize + setAside.Count;
            var expired = await store.ListExpiredAsync(now, take, cancellationToken);
            var fresh = expired.Where(r => !setAside.Contains(r.TrackingNumber)).ToList();
            foreach (var record in fresh)
            {
                var swept = await SweepAsync(record.TrackingNumber, now, cancellationToken);
                counts[swept] = counts.GetValueOrDefault(swept) + 1;
                if (swept != Swept.Deleted)
                {
                    setAside.Add(record.TrackingNumber);
                }
            }

            if (fresh.Count == 0 || expired.Count < take)
            {
                break;
            }
        }

        var result = new RetentionSweepResult(
            counts.GetValueOrDefault(Swept.Deleted), counts.GetValueOrDefault(Swept.Held), counts.GetValueOrDefault(Swept.Running), counts.GetValueOrDefault(Swept.Failed));
        LogSweepFinished(result.Deleted, result.SkippedHeld, result.SkippedRunning, result.Failed);
        return result;
    }

    private async Task<Swept> SweepAsync(string trackingNumber, DateTime now, CancellationToken cancellationToken)
    {
        try
        {
            // Read again: a legal hold placed since the listing wins.
            var record = await store.GetAsync(trackingNumber, cancellationToken);
            if (record is not { Stage: CaseStage.Archived, ClosedAtUtc: not null, RetainUntilUtc: { } retainUntil } || retainUntil > now)
            {
                return Swept.Unchanged;
            }

            if (record.LegalHold)
            {
                LogHeld(trackingNumber);
                return Swept.Held;
            }

            var status = await client.GetStatusAsync(trackingNumber, cancellationToken);
            if (status is { RuntimeStatus: WorkflowRuntimeStatus.Pending or WorkflowRuntimeStatus.Running })
            {
                LogStillRunning(trackingNumber, status.RuntimeStatus);
                return Swept.Running;
            }

            if (status is not null)
            {
                await client.PurgeAsync(trackingNumber, cancellationToken);
            }

            // Counted and logged before anything is deleted; a sweep finishing an interrupted deletion keeps this first entry.
            var evidenceFiles = (await evidence.ListAsync(trackingNumber, cancellationToken)).Count;
            var timelineEntries = (await timeline.ListAsync(trackingNumber, cancellationToken)).Count;
            await deletions.AppendAsync(DeletionRecord.Of(record, now, evidenceFiles, timelineEntries), cancellationToken);

            await evidence.DeleteAllAsync(trackingNumber, cancellationToken);
            await timeline.DeleteAllAsync(trackingNumber, cancellationToken);
            await outbox.DeleteAllAsync(trackingNumber, cancellationToken);
            await store.DeleteAsync(trackingNumber, cancellationToken);
            LogDeleted(trackingNumber, evidenceFiles, timelineEntries);
            return Swept.Deleted;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // One case's failure must not stop the others; it stays listed for the next sweep.
            LogFailed(e, trackingNumber);
            return Swept.Failed;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention sweep: case {TrackingNumber} deleted ({EvidenceFiles} evidence files, {TimelineEntries} timeline entries)")]
    private partial void LogDeleted(string trackingNumber, int evidenceFiles, int timelineEntries);

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention sweep: case {TrackingNumber} kept under legal hold")]
    private partial void LogHeld(string trackingNumber);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Retention sweep: case {TrackingNumber} is archived but its workflow is {RuntimeStatus}; kept")]
    private partial void LogStillRunning(string trackingNumber, WorkflowRuntimeStatus runtimeStatus);

    [LoggerMessage(Level = LogLevel.Error, Message = "Retention sweep: deleting case {TrackingNumber} failed; the next sweep retries")]
    private partial void LogFailed(Exception exception, string trackingNumber);

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention sweep finished: {Deleted} deleted, {SkippedHeld} held, {SkippedRunning} running, {Failed} failed")]
    private partial void LogSweepFinished(int deleted, int skippedHeld, int skippedRunning, int failed);
}
