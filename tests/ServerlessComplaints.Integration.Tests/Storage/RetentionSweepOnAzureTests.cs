using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Logging.Abstractions;
using ServerlessComplaints.Integration.Tests.Storage;
using ServerlessComplaints.Harness.Dispatch;
using ServerlessComplaints.Harness.Execution;
using ServerlessComplaints.Workflow.AzureStorage;
using ServerlessComplaints.Workflow.Cases;
using ServerlessComplaints.Workflow.Evidence;
using ServerlessComplaints.Workflow.Lifecycle;
using ServerlessComplaints.Workflow.Notifications;
using ServerlessComplaints.Workflow.Retention;
using ServerlessComplaints.Harness.Tests;

namespace ServerlessComplaints.Integration.Tests.Storage;

/// <summary>
/// The sweep on the Azure stores (the workflow side on the test harness; the purge on the Durable Task engine is in
/// DurableTaskEngineTests): everything of an expired case goes, a case whose workflow still runs stays.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class RetentionSweepOnAzureTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 2, 0, 0, TimeSpan.Zero);
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52];

    private readonly string _prefix = AzuriteFixture.UniqueName("w");
    private TableServiceClient _tables = null!;
    private TableComplaintStore _records = null!;
    private TableTimelineStore _timeline = null!;
    private TableNotificationOutbox _outbox = null!;
    private TableDeletionLog _deletions = null!;
    private BlobEvidenceStore _evidence = null!;
    private DeterministicWorkflowHost _host = null!;

    public async Task InitializeAsync()
    {
        _tables = new TableServiceClient(azurite.ConnectionString);
        _records = new TableComplaintStore(_tables, _prefix);
        _timeline = new TableTimelineStore(_tables, _prefix);
        _outbox = new TableNotificationOutbox(_tables, _prefix);
        _deletions = new TableDeletionLog(_tables, _prefix);
        _evidence = new BlobEvidenceStore(new BlobServiceClient(azurite.ConnectionString), AzuriteFixture.UniqueName("ev"));
        foreach (var create in new Func<CancellationToken, Task>[] { _records.EnsureCreatedAsync, _timeline.EnsureCreatedAsync, _outbox.EnsureCreatedAsync, _deletions.EnsureCreatedAsync, _evidence.EnsureCreatedAsync })
        {
            await create(CancellationToken.None);
        }

        var orchestrations = new OrchestrationRegistry()
            .Add<string, string>("Done", (_, input) => Task.FromResult(input))
            .Add<string, string>("Waiting", (ctx, _) => ctx.WaitForExternalEvent<string>("Never"));
        _host = new DeterministicWorkflowHost(orchestrations, new DelegateActivityInvoker(), Start);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task RunAsync_ExpiredCase_DeletesEveryTraceAndLogsTheDeletion()
    {
        var tn = await ArchivedCaseAsync("Done");
        await _host.AdvanceAsync(TimeSpan.FromDays(366));

        var result = await Sweep().RunAsync(CancellationToken.None);

        Assert.Equal(new RetentionSweepResult(1, 0, 0, 0), result);
        Assert.Null(await _records.GetAsync(tn, CancellationToken.None));
        Assert.Empty(await _timeline.ListAsync(tn, CancellationToken.None));
        Assert.Empty(await _evidence.ListAsync(tn, CancellationToken.None));
        Assert.False(await _outbox.IsSentAsync($"{tn}-acknowledgement", CancellationToken.None));
        Assert.Null(await _host.Client.GetStatusAsync(tn));
        Assert.Empty(await _tables.GetTableClient(_prefix + "CustomerIndex").QueryAsync<TableEntity>(e => e.RowKey == tn).ToListAsync());
        var deletion = Assert.Single(await _deletions.ListAsync(10, CancellationToken.None));
        Assert.Equal((tn, 1, 2), (deletion.TrackingNumber, deletion.EvidenceFilesDeleted, deletion.TimelineEntriesDeleted));
    }

    [Fact]
    public async Task RunAsync_ArchivedButWorkflowRunning_KeepsTheCase()
    {
        var tn = await ArchivedCaseAsync("Waiting");
        await _host.AdvanceAsync(TimeSpan.FromDays(366));

        var result = await Sweep().RunAsync(CancellationToken.None);

        Assert.Equal(new RetentionSweepResult(0, 0, 1, 0), result);
        Assert.NotNull(await _records.GetAsync(tn, CancellationToken.None));
        Assert.Single(await _evidence.ListAsync(tn, CancellationToken.None));
        Assert.NotNull(await _host.Client.GetStatusAsync(tn));
        Assert.Empty(await _deletions.ListAsync(10, CancellationToken.None));
    }

    private RetentionSweep Sweep() => new(
        _records, _timeline, _evidence, _outbox, _deletions, _host.Client, new RetentionOptions(), _host.Clock, NullLogger<RetentionSweep>.Instance);

    private async Task<string> ArchivedCaseAsync(string orchestration)
    {
        var closedAt = Start.UtcDateTime;
        var record = StorageSamples.Minimal() with { Stage = CaseStage.Archived, Outcome = CaseOutcome.Resolved, ClosedAtUtc = closedAt, RetainUntilUtc = closedAt.AddDays(365) };
        var tn = record.TrackingNumber;
        await _records.TryAddAsync(record, CancellationToken.None);
        await _timeline.AppendAsync(new TimelineEntry(tn, $"{tn}-000-received", closedAt, "customer", "received", null, IsPublic: true), CancellationToken.None);
        await _timeline.AppendAsync(new TimelineEntry(tn, $"{tn}-999-archived", closedAt, "system", "archived", null, IsPublic: true), CancellationToken.None);
        await _outbox.RecordPendingAsync(new OutgoingMail($"{tn}-acknowledgement", "wang.fang@example.cn", "s", "t"), CancellationToken.None);
        await _outbox.MarkSentAsync($"{tn}-acknowledgement", CancellationToken.None);
        await _evidence.SaveAsync(tn, "photo.png", "image/png", Png, CancellationToken.None);
        await _host.StartAsync(orchestration, tn, "input");
        return tn;
    }
}
