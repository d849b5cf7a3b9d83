using Microsoft.Extensions.Logging.Abstractions;
using ServerlessComplaints.Integration.Tests.Storage;
using ServerlessComplaints.LocalHost.Hosting;
using ServerlessComplaints.Harness.Dispatch;
using ServerlessComplaints.Harness.Execution;
using ServerlessComplaints.Workflow.Cases;
using ServerlessComplaints.Workflow.Domain;
using ServerlessComplaints.Workflow.Evidence;
using ServerlessComplaints.Workflow.Lifecycle;
using ServerlessComplaints.Workflow.Notifications;
using ServerlessComplaints.Workflow.Retention;
using ServerlessComplaints.Harness.Tests;

namespace ServerlessComplaints.Integration.Tests.LocalService;

public sealed class RetentionSweepServiceTests
{
    [Fact]
    public async Task ExecuteAsync_FirstSweepFails_LogsAndKeepsSweepingUntilTheCaseIsDeleted()
    {
        var records = new FlakyListingStore();
        var closedAt = DateTime.UtcNow.AddDays(-400);
        var record = StorageSamples.Minimal() with { Stage = CaseStage.Archived, ClosedAtUtc = closedAt, RetainUntilUtc = closedAt.AddDays(365) };
        await records.TryAddAsync(record, CancellationToken.None);
        var host = new DeterministicWorkflowHost(new OrchestrationRegistry(), new DelegateActivityInvoker(), DateTimeOffset.UtcNow);
        var options = new RetentionOptions { SweepInterval = TimeSpan.FromMilliseconds(50) };
        var sweep = new RetentionSweep(
            records, new InMemoryTimelineStore(), new InMemoryEvidenceStore(), new InMemoryNotificationOutbox(), new InMemoryDeletionLog(), host.Client,
            options, TimeProvider.System, NullLogger<RetentionSweep>.Instance);
        using var service = new RetentionSweepService(sweep, options, TimeProvider.System, NullLogger<RetentionSweepService>.Instance);

        await service.StartAsync(CancellationToken.None);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (records.Listings < 3 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        await service.StopAsync(CancellationToken.None);

        Assert.True(records.Listings >= 3, $"{records.Listings} sweeps");
        Assert.Null(await records.GetAsync(record.TrackingNumber, CancellationToken.None));
    }

    /// <summary>Case records in memory whose first expired listing fails, as during a storage outage.</summary>
    private sealed class FlakyListingStore : IComplaintStore
    {
        private readonly InMemoryComplaintStore _inner = new();
        private int _listings;

        public int Listings => Volatile.Read(ref _listings);

        public Task<IReadOnlyList<ComplaintRecord>> ListExpiredAsync(DateTime nowUtc, int take, CancellationToken cancellationToken) =>
            Interlocked.Increment(ref _listings) == 1
                ? throw new IOException("Storage unreachable (simulated).")
                : _inner.ListExpiredAsync(nowUtc, take, cancellationToken);

        public Task<bool> TryAddAsync(ComplaintRecord record, CancellationToken cancellationToken) => _inner.TryAddAsync(record, cancellationToken);

        public Task<ComplaintRecord?> GetAsync(string trackingNumber, CancellationToken cancellationToken) => _inner.GetAsync(trackingNumber, cancellationToken);

        public Task<ComplaintRecord> UpdateAsync(string trackingNumber, Func<ComplaintRecord, ComplaintRecord> change, CancellationToken cancellationToken) =>
            _inner.UpdateAsync(trackingNumber, change, cancellationToken);

        public Task<IReadOnlyList<ComplaintRecord>> QueryAsync(CaseQuery query, CancellationToken cancellationToken) => _inner.QueryAsync(query, cancellationToken);

        public Task<int> CountRecentByCustomerAsync(Customer customer, DateTime sinceUtc, string excludeTrackingNumber, CancellationToken cancellationToken) =>
            _inner.CountRecentByCustomerAsync(customer, sinceUtc, excludeTrackingNumber, cancellationToken);

        public Task<bool> DeleteAsync(string trackingNumber, CancellationToken cancellationToken) => _inner.DeleteAsync(trackingNumber, cancellationToken);
    }
}
