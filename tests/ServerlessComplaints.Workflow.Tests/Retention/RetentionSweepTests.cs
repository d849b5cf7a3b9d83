using System.Text.Encodings.Web;
using System.Text.Json;
using ServerlessComplaints.Workflow.Lifecycle;
using ServerlessComplaints.Workflow.Orchestration;
using ServerlessComplaints.Workflow.Retention;
using ServerlessComplaints.Workflow.Setup;
using ServerlessComplaints.Workflow.Tests.Lifecycle;

namespace ServerlessComplaints.Workflow.Tests.Retention;

public class RetentionSweepTests
{
    private const string CustomerName = "王芳";
    private const string CustomerPhone = "+86 138 0000 0000";
    private const string Subject = "电饭煲使用两天后无法加热";

    // Relaxed escaping, so Chinese text would appear verbatim in the JSON if it were there.
    private static readonly JsonSerializerOptions Readable = new(WorkflowJson.Options) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Fact]
    public async Task RunAsync_DayBeforeRetainUntil_DeletesNothing()
    {
        var scenario = RetentionScenario.Create();
        var tn = await scenario.ArchivedCaseAsync();
        var retainUntil = (await scenario.Records.GetAsync(tn, default))!.RetainUntilUtc!.Value;
        await scenario.Harness.AdvanceToAsync(retainUntil.AddDays(-1));

        var result = await scenario.Sweep().RunAsync(CancellationToken.None);

        Assert.Equal(new RetentionSweepResult(0, 0, 0, 0), result);
        Assert.NotNull(await scenario.Records.GetAsync(tn, default));
        Assert.NotEmpty(await scenario.Timeline.ListAsync(tn, default));
        Assert.Single(await scenario.Evidence.ListAsync(tn, default));
        Assert.Contains(scenario.Outbox.NotificationIds, id => id.StartsWith(tn, StringComparison.Ordinal));
        Assert.NotNull(await scenario.Client.GetStatusAsync(tn));
        Assert.Empty(await scenario.Deletions.ListAsync(10, default));
    }

    [Fact]
    public async Task RunAsync_YearAhead_DeletesRecordTimelineEvidenceOutboxAndHistory()
    {
        var scenario = RetentionScenario.Create();
        var tn = await scenario.ArchivedCaseAsync();
        var timelineEntries = (await scenario.Timeline.ListAsync(tn, default)).Count;
        await scenario.Harness.AdvanceAsync(TimeSpan.FromDays(366));

        var result = await scenario.Sweep().RunAsync(CancellationToken.None);

        Assert.Equal(new RetentionSweepResult(1, 0, 0, 0), result);
        Assert.Null(await scenario.Records.GetAsync(tn, default));
        Assert.Empty(await scenario.Timeline.ListAsync(tn, default));
        Assert.Empty(await scenario.Evidence.ListAsync(tn, default));
        Assert.DoesNotContain(scenario.Outbox.NotificationIds, id => id.StartsWith(tn, StringComparison.Ordinal));
        Assert.Null(await scenario.Client.GetStatusAsync(tn));
        var deletion = Assert.Single(await scenario.Deletions.ListAsync(10, default));
        Assert.Equal(tn, deletion.TrackingNumber);
        Assert.Equal(("suggestion", "facilities", CaseOutcome.Reviewed), (deletion.Kind, deletion.Category, deletion.Outcome));
        Assert.Equal(ComplaintHappyPathTests.Monday.UtcDateTime, deletion.ReceivedAtUtc);
        Assert.Equal(deletion.ClosedAtUtc.AddDays(365), deletion.RetainUntilUtc);
        Assert.Equal(scenario.Harness.Now, deletion.DeletedAtUtc);
        Assert.Equal((1, timelineEntries), (deletion.EvidenceFilesDeleted, deletion.TimelineEntriesDeleted));
        Assert.True(timelineEntries > 1);
    }

    [Fact]
    public async Task RunAsync_Deleted_LeavesNoPersonalDataInTheDeletionRecordOrTheLogs()
    {
        var scenario = RetentionScenario.Create();
        var tn = await scenario.ArchivedCaseAsync();
        await scenario.Harness.AdvanceAsync(TimeSpan.FromDays(400));

        await scenario.Sweep().RunAsync(CancellationToken.None);

        var json = JsonSerializer.Serialize(Assert.Single(await scenario.Deletions.ListAsync(10, default)), Readable);
        Assert.Contains(tn, json, StringComparison.Ordinal);
        Assert.Contains("facilities", json, StringComparison.Ordinal);
        foreach (var personal in new[] { CustomerName, CaseHarness.CustomerEmail, CustomerPhone, "13800000000", Subject, "浦东店", "母婴室", "ma.chao" })
        {
            Assert.DoesNotContain(personal, json, StringComparison.Ordinal);
            Assert.All(scenario.Log.Lines, line => Assert.DoesNotContain(personal, line, StringComparison.Ordinal));
        }

        Assert.Contains(scenario.Log.Lines, line => line.Contains(tn, StringComparison.Ordinal) && line.Contains("deleted", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_HeldCase_IsKeptThenDeletedAfterRelease()
    {
        var scenario = RetentionScenario.Create();
        var tn = await scenario.ArchivedCaseAsync();
        var blob = Assert.Single(await scenario.Evidence.ListAsync(tn, default)).BlobName;
        var placed = await scenario.LegalHoldAsync(tn, hold: true);
        var taggedWhileHeld = scenario.Evidence.IsHeld(blob);
        await scenario.Harness.AdvanceAsync(TimeSpan.FromDays(366));

        var whileHeld = await scenario.Sweep().RunAsync(CancellationToken.None);
        var keptRecord = await scenario.Records.GetAsync(tn, default);
        var keptEvidence = await scenario.Evidence.ListAsync(tn, default);
        var released = await scenario.LegalHoldAsync(tn, hold: false, reason: "诉讼结束");
        var taggedAfterRelease = scenario.Evidence.IsHeld(blob);
        var afterRelease = await scenario.Sweep().RunAsync(CancellationToken.None);

        Assert.Equal(200, placed.StatusCode);
        Assert.True(taggedWhileHeld);
        Assert.Equal(new RetentionSweepResult(0, 0, 0, 0), whileHeld);
        Assert.True(keptRecord!.LegalHold);
        Assert.Single(keptEvidence);
        Assert.Equal(200, released.StatusCode);
        Assert.False(taggedAfterRelease);
        Assert.Equal(new RetentionSweepResult(1, 0, 0, 0), afterRelease);
        Assert.Null(await scenario.Records.GetAsync(tn, default));
        Assert.Single(await scenario.Deletions.ListAsync(10, default));
    }

    [Fact]
    public async Task RunAsync_HoldPlacedAfterTheListing_KeepsTheCase()
    {
        var scenario = RetentionScenario.Create();
        var tn = await scenario.ArchivedCaseAsync();
        await scenario.Harness.AdvanceAsync(TimeSpan.FromDays(366));
        var racing = new HoldingComplaintStore(scenario.Records, tn);
        var sweep = new RetentionSweep(
            racing, scenario.Timeline, scenario.Evidence, scenario.Outbox, scenario.Deletions, scenario.Client, new RetentionOptions(), scenario.Harness.Host.Clock, scenario.Log);

        var result = await sweep.RunAsync(CancellationToken.None);

        Assert.Equal(new RetentionSweepResult(0, 1, 0, 0), result);
        Assert.NotNull(await scenario.Records.GetAsync(tn, default));
        Assert.NotNull(await scenario.Client.GetStatusAsync(tn));
        Assert.Empty(await scenario.Deletions.ListAsync(10, default));
    }

    [Fact]
    public async Task RunAsync_OpenCaseAYearLater_IsNeverTouched()
    {
        var scenario = RetentionScenario.Create();
        var tn = await scenario.Harness.SubmitAsync();
        await scenario.Evidence.SaveAsync(tn, "photo.png", "image/png", RetentionScenario.Png, default);
        await scenario.Harness.AdvanceAsync(TimeSpan.FromDays(400));

        var result = await scenario.Sweep().RunAsync(CancellationToken.None);

        Assert.Equal(new RetentionSweepResult(0, 0, 0, 0), result);
        Assert.Equal(CaseStage.Investigation, (await scenario.Records.GetAsync(tn, default))!.Stage);
        Assert.Equal(WorkflowRuntimeStatus.Running, (await scenario.Client.GetStatusAsync(tn))!.RuntimeStatus);
        Assert.Single(await scenario.Evidence.ListAsync(tn, default));
    }

    [Fact]
    public async Task RunAsync_ArchivedRecordWhoseWorkflowStillRuns_IsSkippedAndKept()
    {
        var scenario = RetentionScenario.Create();
        var tn = await scenario.Harness.SubmitAsync();
        await scenario.Harness.AdvanceAsync(TimeSpan.FromDays(2));

        // A record archived and expired while its workflow still runs (e.g. a timer left running).
        var now = scenario.Harness.Now;
        await scenario.Records.UpdateAsync(tn, r => r with { Stage = CaseStage.Archived, ClosedAtUtc = now.AddDays(-2), RetainUntilUtc = now.AddDays(-1) }, default);

        var result = await scenario.Sweep().RunAsync(CancellationToken.None);

        Assert.Equal(new RetentionSweepResult(0, 0, 1, 0), result);
        Assert.NotNull(await scenario.Records.GetAsync(tn, default));
        Assert.NotEmpty(await scenario.Timeline.ListAsync(tn, default));
        Assert.Equal(WorkflowRuntimeStatus.Running, (await scenario.Client.GetStatusAsync(tn))!.RuntimeStatus);
        Assert.Empty(await scenario.Deletions.ListAsync(10, default));
        Assert.Contains(scenario.Log.Lines, line => line.StartsWith("Warning", StringComparison.Ordinal) && line.Contains(tn, StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_InterruptedMidway_LeavesTheCaseListedAndTheNextSweepFinishesIt()
    {
        var scenario = RetentionScenario.Create();
        var tn = await scenario.ArchivedCaseAsync();
        await scenario.Harness.AdvanceAsync(TimeSpan.FromDays(366));
        var failingOnce = new FailingOnceOutbox(scenario.Outbox);

        var first = await scenario.Sweep(outbox: failingOnce).RunAsync(CancellationToken.None);
        var stillListed = await scenario.Records.ListExpiredAsync(scenario.Harness.Now, 10, default);
        var second = await scenario.Sweep(outbox: failingOnce).RunAsync(CancellationToken.None);

        Assert.Equal(new RetentionSweepResult(0, 0, 0, 1), first);
        Assert.Equal([tn], stillListed.Select(r => r.TrackingNumber));
        Assert.Equal(new RetentionSweepResult(1, 0, 0, 0), second);
        Assert.Null(await scenario.Records.GetAsync(tn, default));
        Assert.DoesNotContain(scenario.Outbox.NotificationIds, id => id.StartsWith(tn, StringComparison.Ordinal));
        var deletion = Assert.Single(await scenario.Deletions.ListAsync(10, default));
        Assert.Equal(1, deletion.EvidenceFilesDeleted);
        Assert.Contains(scenario.Log.Lines, line => line.StartsWith("Error", StringComparison.Ordinal) && line.Contains(tn, StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_SmallBatchesWithACaseSetAside_DeletesEveryOtherExpiredCase()
    {
        var scenario = RetentionScenario.Create();
        var archived = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            archived.Add(await scenario.ArchivedCaseAsync());
        }

        var running = await scenario.Harness.SubmitAsync();
        await scenario.Harness.AdvanceAsync(TimeSpan.FromDays(366));
        var now = scenario.Harness.Now;
        await scenario.Records.UpdateAsync(running, r => r with { Stage = CaseStage.Archived, ClosedAtUtc = now.AddDays(-2), RetainUntilUtc = now.AddDays(-1) }, default);

        var result = await scenario.Sweep(batchSize: 1).RunAsync(CancellationToken.None);

        Assert.Equal(new RetentionSweepResult(3, 0, 1, 0), result);
        Assert.All(archived, tn => Assert.Null(scenario.Records.GetAsync(tn, default).Result));
        Assert.NotNull(await scenario.Records.GetAsync(running, default));
        Assert.Equal(3, (await scenario.Deletions.ListAsync(10, default)).Count);
    }

    [Theory]
    [InlineData(0, 3600)]
    [InlineData(1001, 3600)]
    [InlineData(100, 0)]
    public void Validate_BadRetentionOptions_NamesTheSetting(int batchSize, int intervalSeconds)
    {
        var settings = new ComplaintCentreSettings { Retention = new RetentionOptions { BatchSize = batchSize, SweepInterval = TimeSpan.FromSeconds(intervalSeconds) } };

        var errors = settings.Validate();

        Assert.Contains(errors, e => e.StartsWith("Retention:", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_DefaultRetentionOptions_HourlyBatchesOf100AreValid()
    {
        var settings = new ComplaintCentreSettings();

        Assert.Equal((TimeSpan.FromHours(1), 100), (settings.Retention.SweepInterval, settings.Retention.BatchSize));
        Assert.DoesNotContain(settings.Validate(), e => e.StartsWith("Retention:", StringComparison.Ordinal));
    }
}
