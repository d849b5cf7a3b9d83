namespace ServerlessComplaints.Workflow.Cases;

/// <summary>The append-only timeline of each case.</summary>
public interface ITimelineStore
{
    /// <summary>Appends the entry; false when an entry with its id exists (an idempotent retry).</summary>
    Task<bool> AppendAsync(TimelineEntry entry, CancellationToken cancellationToken);

    Task<IReadOnlyList<TimelineEntry>> ListAsync(string trackingNumber, CancellationToken cancellationToken);

    /// <summary>Deletes the case's whole timeline (retention); returns how many entries were deleted.</summary>
    Task<int> DeleteAllAsync(string trackingNumber, CancellationToken cancellationToken);
}
