using System.Collections.Concurrent;
using ServerlessComplaints.Workflow.Domain;
using ServerlessComplaints.Workflow.Lifecycle;

namespace ServerlessComplaints.Workflow.Cases;

/// <summary>Case records in memory, for tests and demos.</summary>
public sealed class InMemoryComplaintStore : IComplaintStore, ICustomerCases
{
    private readonly ConcurrentDictionary<string, ComplaintRecord> _records = new(StringComparer.Ordinal);

    public IReadOnlyCollection<ComplaintRecord> All => [.. _records.Values];

    public Task<bool> TryAddAsync(ComplaintRecord record, CancellationToken cancellationToken) =>
        Task.FromResult(_records.TryAdd(record.TrackingNumber, record));

    public Task<ComplaintRecord?> GetAsync(string trackingNumber, CancellationToken cancellationToken) =>
        Task.FromResult(_records.TryGetValue(trackingNumber, out var record) ? record : null);

    public Task<ComplaintRecord> UpdateAsync(string trackingNumber, Func<ComplaintRecord, ComplaintRecord> change, CancellationToken cancellationToken)
    {
        var updated = _records.AddOrUpdate(
            trackingNumber,
            id => throw new KeyNotFoundException($"No case '{id}'."),
            (_, current) => change(current));
        return Task.FromResult(updated);
    }

    public Task<IReadOnlyList<ComplaintRecord>> QueryAsync(CaseQuery query, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ComplaintRecord>>([.. query.Apply(_records.Values)]);

    public Task<int> CountRecentByCustomerAsync(Customer customer, DateTime sinceUtc, string excludeTrackingNumber, CancellationToken cancellationToken) =>
        Task.FromResult(_records.Values.Count(r =>
            r.TrackingNumber != excludeTrackingNumber
            && r.Details.ReceivedAtUtc >= sinceUtc
            && CustomerMatch.SamePerson(r.Details.Customer, customer)));

    public Task<IReadOnlyList<ComplaintRecord>> ListExpiredAsync(DateTime nowUtc, int take, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ComplaintRecord>>([.. _records.Values
            .Where(r => IsExpired(r, nowUtc))
            .OrderBy(r => r.RetainUntilUtc)
            .ThenBy(r => r.TrackingNumber, StringComparer.Ordinal)
            .Take(take)]);

    public Task<bool> DeleteAsync(string trackingNumber, CancellationToken cancellationToken) =>
        Task.FromResult(_records.TryRemove(trackingNumber, out _));

    public Task<IReadOnlyList<CustomerCase>> ListOtherCasesAsync(Customer customer, string excludeTrackingNumber, int take, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<CustomerCase>>([.. _records.Values
            .Where(r => r.TrackingNumber != excludeTrackingNumber && CustomerMatch.SamePerson(r.Details.Customer, customer))
            .OrderByDescending(r => r.Details.ReceivedAtUtc)
            .ThenBy(r => r.TrackingNumber, StringComparer.Ordinal)
            .Take(take)
            .Select(r => new CustomerCase(r.TrackingNumber, r.Details.ReceivedAtUtc, r.Stage))]);

    private static bool IsExpired(ComplaintRecord record, DateTime nowUtc) =>
        record is { Stage: CaseStage.Archived, ClosedAtUtc: not null, RetainUntilUtc: { } retainUntil, LegalHold: false }
        && retainUntil <= nowUtc;
}
