using ServerlessComplaints.Workflow.Domain;

namespace ServerlessComplaints.Workflow.Cases;

/// <summary>Where case records live (Azure Tables in production, memory in tests).</summary>
public interface IComplaintStore
{
    /// <summary>Adds the record; false when a record with its tracking number exists (an idempotent retry).</summary>
    Task<bool> TryAddAsync(ComplaintRecord record, CancellationToken cancellationToken);

    Task<ComplaintRecord?> GetAsync(string trackingNumber, CancellationToken cancellationToken);

    /// <summary>Read-modify-write of one record, retried on a concurrent change; returns the new record.</summary>
    Task<ComplaintRecord> UpdateAsync(string trackingNumber, Func<ComplaintRecord, ComplaintRecord> change, CancellationToken cancellationToken);

    /// <summary>The staff queue: cases matching the filter, most urgent and earliest due first, at most <see cref="CaseQuery.Take"/>.</summary>
    Task<IReadOnlyList<ComplaintRecord>> QueryAsync(CaseQuery query, CancellationToken cancellationToken);

    /// <summary>Cases by the same customer (email or phone) received since <paramref name="sinceUtc"/>, this one excluded.</summary>
    Task<int> CountRecentByCustomerAsync(Customer customer, DateTime sinceUtc, string excludeTrackingNumber, CancellationToken cancellationToken);

    /// <summary>
    /// Archived cases (closed, stage archived) whose <see cref="ComplaintRecord.RetainUntilUtc"/> is at or before
    /// <paramref name="nowUtc"/> and that are not under legal hold; at most <paramref name="take"/>, in a stable order.
    /// </summary>
    Task<IReadOnlyList<ComplaintRecord>> ListExpiredAsync(DateTime nowUtc, int take, CancellationToken cancellationToken);

    /// <summary>Deletes the record and anything indexing it; false when there was no such record.</summary>
    Task<bool> DeleteAsync(string trackingNumber, CancellationToken cancellationToken);
}
