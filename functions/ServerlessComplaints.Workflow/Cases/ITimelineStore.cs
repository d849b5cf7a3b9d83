namespace ServerlessComplaints.Workflow.Cases;

/// <summary>The append-only timeline of each case.</summary>
public interface ITimelineStore
{
    /// <summary>Appends the entry; false when an entry with its id exists (an idempotent retry).</summary>
    Task<bool> AppendAsync(TimelineEntry entry, CancellationToken cancellationToken);

    Task<IReadOnlyList<TimelineEntry>> ListAsync(string trackingNumber, CancellationToken cancellationToken);
}
