using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Logging.Abstractions;
using ServerlessComplaints.Harness.Dispatch;
using ServerlessComplaints.Harness.Execution;
using ServerlessComplaints.Harness.Tests;
using ServerlessComplaints.Integration.Tests.Storage;
using ServerlessComplaints.LocalHost.Hosting;
using ServerlessComplaints.Workflow.AzureStorage;
using ServerlessComplaints.Workflow.Cases;
using ServerlessComplaints.Workflow.Evidence;
using ServerlessComplaints.Workflow.Lifecycle;
using ServerlessComplaints.Workflow.Notifications;
using ServerlessComplaints.Workflow.Retention;

namespace ServerlessComplaints.Integration.Tests.ScaleOut;

/// <summary>
/// Two nodes' retention timers firing together on one storage account (the workflow side on the test harness): the
/// sweep lease lets one of them sweep, so every expired case is deleted, and logged, once.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class RetentionSweepLeaseTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 2, 0, 0, TimeSpan.Zero);

    private readonly string _prefix = AzuriteFixture.UniqueName("r");
    private readonly DeterministicWorkflowHost _host = new(new OrchestrationRegistry().Add<string, string>("Done", (_, input) => Task.FromResult(input)), new DelegateActivityInvoker(), Start);

    [Fact]
    public async Task RunExclusiveAsync_TwoNodesSweepAtOnce_EachCaseDeletedOnce()
    {
        var cases = new List<string>();
        for (var i = 0; i < 12; i++)
        {
            cases.Add(await ArchivedCaseAsync());
        }

        await _host.AdvanceAsync(TimeSpan.FromDays(366));

        var results = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() => SweepOnNewNodeAsync())));

        Assert.Equal(cases.Count, results.Sum(r => r?.Deleted ?? 0));
        Assert.All(results, r => Assert.Equal(0, r?.Failed ?? 0));
        var deletions = await new TableDeletionLog(new TableServiceClient(azurite.ConnectionString), _prefix).ListAsync(100, CancellationToken.None);
        Assert.Equal(cases.Order(StringComparer.Ordinal), deletions.Select(d => d.TrackingNumber).Order(StringComparer.Ordinal));
        var records = new TableComplaintStore(new TableServiceClient(azurite.ConnectionString), _prefix);
        foreach (var tn in cases)
        {
            Assert.Null(await records.GetAsync(tn, CancellationToken.None));
        }
    }

    [Fact]
    public async Task RunExclusiveAsync_AnotherNodeHoldsTheLease_SkipsThenRunsOnceReleased()
    {
        var holder = Lease();
        var entered = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        var holding = holder.RunExclusiveAsync(async _ =>
        {
            entered.SetResult();
            await release.Task;
            return "held";
        }, CancellationToken.None);
        await entered.Task;

        var whileHeld = await Lease().RunExclusiveAsync(_ => Task.FromResult("ran"), CancellationToken.None);
        release.SetResult();
        await holding;
        var afterRelease = await Lease().RunExclusiveAsync(_ => Task.FromResult("ran"), CancellationToken.None);

        Assert.Null(whileHeld);
        Assert.Equal("ran", afterRelease);
    }

    /// <summary>A node with its own storage clients: its stores, its lease, one sweep round.</summary>
    private async Task<RetentionSweepResult?> SweepOnNewNodeAsync()
    {
        var tables = new TableServiceClient(azurite.ConnectionString);
        var sweep = new RetentionSweep(
            new TableComplaintStore(tables, _prefix), new TableTimelineStore(tables, _prefix), new BlobEvidenceStore(new BlobServiceClient(azurite.ConnectionString), _prefix.ToLowerInvariant() + "ev"),
            new TableNotificationOutbox(tables, _prefix), new TableDeletionLog(tables, _prefix), _host.Client, new RetentionOptions(), _host.Clock, NullLogger<RetentionSweep>.Instance);
        return await Lease().RunExclusiveAsync(sweep.RunAsync, CancellationToken.None);
    }

    private RetentionSweepLease Lease() => new(new BlobServiceClient(azurite.ConnectionString), _prefix, NullLogger<RetentionSweepLease>.Instance);

    private async Task<string> ArchivedCaseAsync()
    {
        var tables = new TableServiceClient(azurite.ConnectionString);
        var records = new TableComplaintStore(tables, _prefix);
        var timeline = new TableTimelineStore(tables, _prefix);
        var outbox = new TableNotificationOutbox(tables, _prefix);
        var evidence = new BlobEvidenceStore(new BlobServiceClient(azurite.ConnectionString), _prefix.ToLowerInvariant() + "ev");
        await records.EnsureCreatedAsync(CancellationToken.None);
        await timeline.EnsureCreatedAsync(CancellationToken.None);
        await outbox.EnsureCreatedAsync(CancellationToken.None);
        await evidence.EnsureCreatedAsync(CancellationToken.None);
        await new TableDeletionLog(tables, _prefix).EnsureCreatedAsync(CancellationToken.None);
        var closedAt = Start.UtcDateTime;
        var record = StorageSamples.Minimal() with { Stage = CaseStage.Archived, Outcome = CaseOutcome.Resolved, ClosedAtUtc = closedAt, RetainUntilUtc = closedAt.AddDays(365) };
        var tn = record.TrackingNumber;
        await records.TryAddAsync(record, CancellationToken.None);
        await timeline.AppendAsync(new TimelineEntry(tn, $"{tn}-000-received", closedAt, "customer", "received", null, IsPublic: true), CancellationToken.None);
        await outbox.RecordPendingAsync(new OutgoingMail($"{tn}-acknowledgement", "wang.fang@example.cn", "s", "t"), CancellationToken.None);
        await _host.StartAsync("Done", tn, "input");
        return tn;
    }
}
