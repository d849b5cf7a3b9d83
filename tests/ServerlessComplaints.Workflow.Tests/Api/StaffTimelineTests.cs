using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using ServerlessComplaints.Workflow.Api;
using ServerlessComplaints.Workflow.Assessment;
using ServerlessComplaints.Workflow.Cases;
using ServerlessComplaints.Workflow.Domain;
using ServerlessComplaints.Workflow.Evidence;
using ServerlessComplaints.Workflow.Intake;
using ServerlessComplaints.Workflow.Localization;
using ServerlessComplaints.Workflow.Orchestration;
using ServerlessComplaints.Workflow.Tests.Lifecycle;
using P = ServerlessComplaints.Workflow.Cases.TimelineParameters;

namespace ServerlessComplaints.Workflow.Tests.Api;

/// <summary>What the staff actions and the failure recorder write on the timeline: codes with parameters, read in either language.</summary>
public class StaffTimelineTests
{
    private const string Failure = "Activity 'SendNotification' failed: SMTP down";

    private readonly CaseHarness _harness = CaseHarness.Create(ComplaintHappyPathTests.Monday);

    private StaffMember Manager => Directory.Get(Directory.DepartmentFor(Category.ProductQuality).ManagerId);

    private StaffDirectory Directory => _harness.Services.GetRequiredService<StaffDirectory>();

    [Fact]
    public async Task Retry_FailedCase_StaffEntryWithTheStageAndTheErrorQuoted()
    {
        var tn = await _harness.SubmitAsync();
        var client = new FailedInstanceClient(_harness.Host.Client);

        var response = await Staff(client).ActAsync(tn, "retry", null, Manager, CancellationToken.None);

        Assert.Equal(202, response.StatusCode);
        Assert.True(client.Retried);
        var entry = await SingleAsync(tn, TimelineCodes.Retried);
        Assert.Equal((Manager.Id, false, null), (entry.Actor, entry.IsPublic, entry.Detail));
        Assert.Equal(("investigation", Failure), (entry.Parameters![P.Stage], entry.Parameters[P.Error]));
        Assert.Equal(("故障后已重试（所处阶段：调查中）", Failure, Manager.Name), Read(entry, CaseLanguage.Chinese));
        Assert.Equal("Retried after a failure (stage: Under investigation)", Read(entry, CaseLanguage.English).Text);
    }

    [Fact]
    public async Task Terminate_RunningCase_StaffEntryWithTheStageAndTheReason()
    {
        var tn = await _harness.SubmitAsync();

        var response = await Staff().ActAsync(tn, "terminate", new StaffActionBody { Reason = "客户撤诉" }, Manager, CancellationToken.None);

        Assert.Equal(200, response.StatusCode);
        var entry = await SingleAsync(tn, TimelineCodes.Terminated);
        Assert.Equal((false, "客户撤诉"), (entry.IsPublic, entry.Detail));
        Assert.Equal(("已终止（所处阶段：调查中）", "客户撤诉", Manager.Name), Read(entry, CaseLanguage.Chinese));
        Assert.Equal("Terminated (stage: Under investigation)", Read(entry, CaseLanguage.English).Text);
    }

    [Fact]
    public async Task LegalHold_PlacedThenReleased_EntriesCountTheEvidenceFiles()
    {
        var tn = await _harness.SubmitAsync();
        await _harness.Services.GetRequiredService<IEvidenceStore>().SaveAsync(tn, "photo.png", "image/png", Retention.RetentionScenario.Png, CancellationToken.None);

        await Staff().ActAsync(tn, "legal-hold", new StaffActionBody { Hold = true, Reason = "诉讼保全 2027-001" }, Manager, CancellationToken.None);
        await _harness.AdvanceAsync(TimeSpan.FromHours(1));
        await Staff().ActAsync(tn, "legal-hold", new StaffActionBody { Hold = false, Reason = "诉讼结束" }, Manager, CancellationToken.None);

        var placed = await SingleAsync(tn, TimelineCodes.LegalHoldPlaced);
        var released = await SingleAsync(tn, TimelineCodes.LegalHoldReleased);
        Assert.Equal(("1", "诉讼保全 2027-001", false), (placed.Parameters![P.Count], placed.Detail, placed.IsPublic));
        Assert.Equal(("已设置法律保全（证据文件 1 个）", "诉讼保全 2027-001", Manager.Name), Read(placed, CaseLanguage.Chinese));
        Assert.Equal(("Legal hold released (evidence files: 1)", "诉讼结束"), (Read(released, CaseLanguage.English).Text, Read(released, CaseLanguage.English).Quote));
    }

    [Fact]
    public async Task RecordFailure_RunningCase_SystemEntryWithTheStageItFailedIn()
    {
        var tn = await _harness.SubmitAsync();
        var recorder = ActivatorUtilities.CreateInstance<FailedCaseRecorder>(_harness.Services, (TimeProvider)_harness.Host.Clock);

        await recorder.RecordAsync(tn, Failure, CancellationToken.None);

        var entry = await SingleAsync(tn, TimelineCodes.Failed);
        Assert.Equal(("system", false, null), (entry.Actor, entry.IsPublic, entry.Detail));
        Assert.Equal(("处理出错（所处阶段：调查中），案件需要人工处理", Failure, "系统"), Read(entry, CaseLanguage.Chinese));
        Assert.Equal("Processing failed (stage: Under investigation); the case needs attention", Read(entry, CaseLanguage.English).Text);
    }

    [Fact]
    public async Task StatusView_PublicEntryNamingStaff_CustomerSeesTheRoleNotTheId()
    {
        var tn = await _harness.SubmitAsync();
        await _harness.Services.GetRequiredService<ITimelineStore>().AppendAsync(
            TimelineEntry.Of(tn, $"{tn}-x", _harness.Now, Manager.Id, TimelineCodes.Assessed, true, new Dictionary<string, string> { [P.Urgency] = "urgent", [P.Owner] = Manager.Id }),
            CancellationToken.None);
        var status = ActivatorUtilities.CreateInstance<StatusHandler>(_harness.Services, _harness.Host.Client);

        var view = (await status.FindAsync(tn, null, CaseHarness.CustomerEmail, CancellationToken.None))!;

        var entry = Assert.Single(view.Timeline, e => e.Action == TimelineCodes.Assessed);
        Assert.Equal(("staff", "staff", "urgent"), (entry.Actor, entry.Parameters![P.Owner], entry.Parameters[P.Urgency]));
        Assert.DoesNotContain(view.Timeline, e => (e.Parameters?.Values ?? []).Any(v => v.Contains(Manager.Id, StringComparison.Ordinal)));
    }

    private StaffHandler Staff(IWorkflowClient? client = null)
    {
        var sp = _harness.Services;
        var clock = _harness.Host.Clock;
        client ??= _harness.Host.Client;
        var intake = ActivatorUtilities.CreateInstance<CaseIntake>(sp, client, clock);
        var intakeHandler = ActivatorUtilities.CreateInstance<IntakeHandler>(sp, intake, clock, NullLogger<IntakeHandler>.Instance);
        return ActivatorUtilities.CreateInstance<StaffHandler>(sp, client, intakeHandler, clock);
    }

    private async Task<TimelineEntry> SingleAsync(string tn, string code) =>
        Assert.Single(await _harness.Services.GetRequiredService<ITimelineStore>().ListAsync(tn, CancellationToken.None), e => e.Action == code);

    private (string Text, string? Quote, string Actor) Read(TimelineEntry entry, string language)
    {
        var line = _harness.Services.GetRequiredService<TimelineText>().Render(entry, CaseCulture.Of(language));
        return (line.Text, line.Quote, line.Actor);
    }

    /// <summary>The harness's client, but reporting the instance as failed and recording a retry instead of rewinding.</summary>
    private sealed class FailedInstanceClient(IWorkflowClient inner) : IWorkflowClient
    {
        public bool Retried { get; private set; }

        public Task StartAsync(string orchestrationName, string instanceId, object? input, CancellationToken cancellationToken = default) =>
            inner.StartAsync(orchestrationName, instanceId, input, cancellationToken);

        public Task RaiseEventAsync(string instanceId, string eventName, object? payload, CancellationToken cancellationToken = default) =>
            inner.RaiseEventAsync(instanceId, eventName, payload, cancellationToken);

        public async Task<WorkflowInstanceStatus?> GetStatusAsync(string instanceId, CancellationToken cancellationToken = default) =>
            await inner.GetStatusAsync(instanceId, cancellationToken) is { } status ? status with { RuntimeStatus = WorkflowRuntimeStatus.Failed, FailureMessage = Failure } : null;

        public Task RetryAsync(string instanceId, CancellationToken cancellationToken = default)
        {
            Retried = true;
            return Task.CompletedTask;
        }

        public Task TerminateAsync(string instanceId, string? reason, CancellationToken cancellationToken = default) => inner.TerminateAsync(instanceId, reason, cancellationToken);

        public Task<bool> PurgeAsync(string instanceId, CancellationToken cancellationToken = default) => inner.PurgeAsync(instanceId, cancellationToken);
    }
}
