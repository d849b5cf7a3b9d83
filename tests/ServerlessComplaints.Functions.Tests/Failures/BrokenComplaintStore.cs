using ServerlessComplaints.Workflow.Cases;
using ServerlessComplaints.Workflow.Domain;

namespace ServerlessComplaints.Functions.Tests.Failures;

/// <summary>A case store with a bug: every call throws an exception that is no storage failure (a 500, not a 503).</summary>
internal sealed class BrokenComplaintStore : IComplaintStore
{
    public const string Error = "internal detail: the partition key was null";

    public Task<bool> TryAddAsync(ComplaintRecord record, CancellationToken cancellationToken) => Fail<bool>();

    public Task<ComplaintRecord?> GetAsync(string trackingNumber, CancellationToken cancellationToken) => Fail<ComplaintRecord?>();

    public Task<ComplaintRecord> UpdateAsync(string trackingNumber, Func<ComplaintRecord, ComplaintRecord> change, CancellationToken cancellationToken) => Fail<ComplaintRecord>();

    public Task<IReadOnlyList<ComplaintRecord>> QueryAsync(CaseQuery query, CancellationToken cancellationToken) => Fail<IReadOnlyList<ComplaintRecord>>();

    public Task<int> CountRecentByCustomerAsync(Customer customer, DateTime sinceUtc, string excludeTrackingNumber, CancellationToken cancellationToken) => Fail<int>();

    public Task<IReadOnlyList<ComplaintRecord>> ListExpiredAsync(DateTime nowUtc, int take, CancellationToken cancellationToken) => Fail<IReadOnlyList<ComplaintRecord>>();

    public Task<bool> DeleteAsync(string trackingNumber, CancellationToken cancellationToken) => Fail<bool>();

    private static Task<T> Fail<T>() => Task.FromException<T>(new InvalidOperationException(Error));
}
