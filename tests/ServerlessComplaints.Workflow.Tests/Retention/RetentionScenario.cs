using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using ServerlessComplaints.Workflow.Api;
using ServerlessComplaints.Workflow.Assessment;
using ServerlessComplaints.Workflow.Cases;
using ServerlessComplaints.Workflow.Evidence;
using ServerlessComplaints.Workflow.Intake;
using ServerlessComplaints.Workflow.Lifecycle;
using ServerlessComplaints.Workflow.Lifecycle.Events;
using ServerlessComplaints.Workflow.Notifications;
using ServerlessComplaints.Workflow.Orchestration;
using ServerlessComplaints.Workflow.Retention;
using ServerlessComplaints.Workflow.Tests.Lifecycle;

namespace ServerlessComplaints.Workflow.Tests.Retention;

/// <summary>
/// The lifecycle harness plus what the retention tests reach for: the stores, the deletion log, a sweep on the
/// harness's manual clock (logs captured) and the staff API for legal holds.
/// </summary>
internal sealed class RetentionScenario
{
    public static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52];

    private RetentionScenario(CaseHarness harness) => Harness = harness;

    public CaseHarness Harness { get; }

    public ListLogger<RetentionSweep> Log { get; } = new();

    public IServiceProvider Services => Harness.Services;

    public IComplaintStore Records => Services.GetRequiredService<IComplaintStore>();

    public ITimelineStore Timeline => Services.GetRequiredService<ITimelineStore>();

    public InMemoryEvidenceStore Evidence => (InMemoryEvidenceStore)Services.GetRequiredService<IEvidenceStore>();

    public InMemoryNotificationOutbox Outbox => (InMemoryNotificationOutbox)Services.GetRequiredService<INotificationOutbox>();

    public IDeletionLog Deletions => Services.GetRequiredService<IDeletionLog>();

    public IWorkflowClient Client => Harness.Host.Client;

    public static RetentionScenario Create() => new(CaseHarness.Create(ComplaintHappyPathTests.Monday));

    /// <summary>A suggestion with one evidence file, reviewed at once: archived and its workflow completed.</summary>
    public async Task<string> ArchivedCaseAsync()
    {
        var tn = await Harness.SubmitAsync(CaseHarness.Submission(kind: "suggestion", category: "facilities"));
        await Evidence.SaveAsync(tn, "photo.png", "image/png", Png, CancellationToken.None);
        var status = await Harness.Host.Client.GetStatusAsync(tn);
        await Harness.Host.RaiseEventAsync(tn, WorkflowEvents.Review, ExpectedEvents.ForCurrentRound(status?.CustomStatusJson, WorkflowEvents.Review, new SuggestionReviewed("ma.chao", true, "感谢建议，下月起增设母婴室。")));
        var record = await Records.GetAsync(tn, CancellationToken.None);
        Assert.Equal(CaseStage.Archived, record!.Stage);
        Assert.Equal(WorkflowRuntimeStatus.Completed, (await Client.GetStatusAsync(tn))!.RuntimeStatus);
        return tn;
    }

    public RetentionSweep Sweep(int batchSize = 100, INotificationOutbox? outbox = null) => new(
        Records, Timeline, Evidence, outbox ?? Outbox, Deletions, Client, new RetentionOptions { BatchSize = batchSize }, Harness.Host.Clock, Log);

    /// <summary>The staff API's legal-hold action, by the facilities department's manager (the suggestion's department).</summary>
    public async Task<ApiResponse> LegalHoldAsync(string trackingNumber, bool hold, string reason = "诉讼保全 case 2027-001")
    {
        var clock = Harness.Host.Clock;
        var intake = ActivatorUtilities.CreateInstance<CaseIntake>(Services, Client, clock);
        var intakeHandler = ActivatorUtilities.CreateInstance<IntakeHandler>(Services, intake, clock, NullLogger<IntakeHandler>.Instance);
        var staff = ActivatorUtilities.CreateInstance<StaffHandler>(Services, Client, intakeHandler, clock);
        var manager = Services.GetRequiredService<StaffDirectory>().Get("hu.bin");
        return await staff.ActAsync(trackingNumber, "legal-hold", new StaffActionBody { Hold = hold, Reason = reason }, manager, CancellationToken.None);
    }
}
