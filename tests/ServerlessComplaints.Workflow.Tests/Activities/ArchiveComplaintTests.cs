using ServerlessComplaints.Workflow.Activities;
using ServerlessComplaints.Workflow.Cases;
using ServerlessComplaints.Workflow.Domain;
using ServerlessComplaints.Workflow.Lifecycle;

namespace ServerlessComplaints.Workflow.Tests.Activities;

public class ArchiveComplaintTests
{
    private const string Tn = "CMP-20261123-ABCDEF";

    [Fact]
    public async Task RunAsync_TimelineEntryWrittenBeforeTheStage_AReaderSeeingArchivedSeesTheEntry()
    {
        var store = new InMemoryComplaintStore();
        var details = new ComplaintDetails(Tn, ComplaintKind.Complaint, Category.Delivery, Channel.Web, "Parcel never arrived", "Ordered on the 1st.",
            new Customer("Li Ming", "li.ming@example.com", null), "en", new DateTime(2026, 11, 23, 2, 0, 0, DateTimeKind.Utc));
        await store.TryAddAsync(new ComplaintRecord(details) { Stage = CaseStage.Closed }, default);
        var timeline = new StageRecordingTimeline(store);
        var closedAt = new DateTime(2026, 11, 30, 8, 0, 0, DateTimeKind.Utc);

        var retainUntil = await new ArchiveComplaint(store, timeline).RunAsync(new ArchiveRequest(Tn, closedAt, CaseOutcome.Resolved, 365), default);

        Assert.Equal(closedAt.AddDays(365), retainUntil);
        Assert.Equal(CaseStage.Closed, Assert.Single(timeline.StagesAtAppend));
        Assert.Equal(CaseStage.Archived, (await store.GetAsync(Tn, default))!.Stage);
        Assert.Equal(TimelineCodes.Archived, Assert.Single(await timeline.ListAsync(Tn, default)).Action);
    }

    /// <summary>Notes the record's stage at the moment each entry is appended.</summary>
    private sealed class StageRecordingTimeline(IComplaintStore store) : ITimelineStore
    {
        private readonly InMemoryTimelineStore _inner = new();

        public List<CaseStage> StagesAtAppend { get; } = [];

        public async Task<bool> AppendAsync(TimelineEntry entry, CancellationToken cancellationToken)
        {
            StagesAtAppend.Add((await store.GetAsync(entry.TrackingNumber, cancellationToken))!.Stage);
            return await _inner.AppendAsync(entry, cancellationToken);
        }

        public Task<IReadOnlyList<TimelineEntry>> ListAsync(string trackingNumber, CancellationToken cancellationToken) => _inner.ListAsync(trackingNumber, cancellationToken);

        public Task<int> DeleteAllAsync(string trackingNumber, CancellationToken cancellationToken) => _inner.DeleteAllAsync(trackingNumber, cancellationToken);
    }
}
