using ServerlessComplaints.Workflow.Cases;
using ServerlessComplaints.Workflow.Domain;

namespace ServerlessComplaints.Workflow.Tests.Retention;

/// <summary>A store where a legal hold lands on one case right after the sweep listed it: the race a re-read must catch.</summary>
internal sealed class HoldingComplaintStore(IComplaintStore inner, string trackingNumber) : IComplaintStore
{
    public async Task<IReadOnlyList<ComplaintRecord>> ListExpiredAsync(DateTime nowUtc, int take, CancellationToken cancellationToken)
    {
        var listed = await inner.ListExpiredAsync(nowUtc, take, cancellationToken);
        if (listed.Any(r => r.TrackingNumber == trackingNumber))
        {
            await inner.UpdateAsync(trackingNumber, r => r with { LegalHold = true }, cancellationToken);
        }

        return listed;
    }

    public Task<bool> TryAddAsync(ComplaintRecord record, CancellationToken cancellationToken) => inner.TryAddAsync(record, cancellationToken);

    public Task<ComplaintRecord?> GetAsync(string trackingNumber, CancellationToken cancellationToken) => inner.GetAsync(trackingNumber, cancellationToken);

    public Task<ComplaintRecord> UpdateAsync(string trackingNumber, Func<ComplaintRecord, ComplaintRecord> change, CancellationToken cancellationToken) =>
        inner.UpdateAsync(trackingNumber, change, cancellationToken);

    public Task<IReadOnlyList<ComplaintRecord>> QueryAsync(CaseQuery query, CancellationToken cancellationToken) => inner.QueryAsync(query, cancellationToken);

    public Task<int> CountRecentByCustomerAsync(Customer customer, DateTime sinceUtc, string excludeTrackingNumber, CancellationToken cancellationToken) =>
        inner.CountRecentByCustomerAsync(customer, sinceUtc, excludeTrackingNumber, cancellationToken);

    public Task<bool> DeleteAsync(string trackingNumber, CancellationToken cancellationToken) => inner.DeleteAsync(trackingNumber, cancellationToken);
}
