using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using ServerlessComplaints.Testing.Scenarios;
using ServerlessComplaints.Workflow.Cases;
using ServerlessComplaints.Workflow.Evidence;
using ServerlessComplaints.Workflow.Intake;
using ServerlessComplaints.Workflow.Lifecycle;
using ServerlessComplaints.Workflow.Notifications;
using ServerlessComplaints.Workflow.Orchestration;
using ServerlessComplaints.Workflow.Retention;

namespace ServerlessComplaints.Integration.Tests.DurableTask;

/// <summary>Retry (a new execution of the failed case: the backend's rewind fails on retried activities), terminate and the retention sweep's purge on the local service's Durable Task engine.</summary>
[Collection(AzuriteCollection.Name)]
public class DurableTaskEngineTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task RetryAsync_FailedCaseAfterTheMailerIsBack_StartsAgainAndTheCaseReachesInvestigation()
    {
        var trackingNumber = TrackingNumber.New(DateTime.UtcNow, TimeZoneInfo.Utc);
        await using var engine = await CoreCaseEngine.StartAsync(azurite.ConnectionString, ScenarioSettings.Create(activityAttempts: 2), services =>
        {
            services.AddSingleton<SwitchableMailer>();
            services.AddSingleton<IMailer>(sp => sp.GetRequiredService<SwitchableMailer>());
        });
        await engine.SubmitAsync(ComplaintScenarios.Approval.Submission, trackingNumber);
        await engine.WaitForEndAsync(trackingNumber);
        var failed = await engine.Client.GetStatusAsync(trackingNumber);
        var failedStage = (await engine.RecordAsync(trackingNumber)).Stage;

        engine.Services.GetRequiredService<SwitchableMailer>().Repair();
        await engine.Client.RetryAsync(trackingNumber);
        var mailbox = engine.Services.GetRequiredService<InMemoryMailbox>();
        await engine.WaitUntilAsync(trackingNumber, "the owner's assignment mail after the retry", () =>
            Task.FromResult(mailbox.Mails.Any(m => m.NotificationId.EndsWith("-assignment", StringComparison.Ordinal))));

        Assert.Equal(WorkflowRuntimeStatus.Failed, failed!.RuntimeStatus);
        Assert.Contains(SwitchableMailer.Error, failed.FailureMessage, StringComparison.Ordinal);
        Assert.Equal(CaseStage.Failed, failedStage);
        Assert.Equal(WorkflowRuntimeStatus.Running, (await engine.Client.GetStatusAsync(trackingNumber))!.RuntimeStatus);
        var mails = engine.Services.GetRequiredService<InMemoryMailbox>().Mails.Select(m => m.NotificationId).ToList();
        Assert.Single(mails, id => id.EndsWith("-acknowledgement", StringComparison.Ordinal));
        Assert.Single(mails, id => id.EndsWith("-assignment", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TerminateAsync_CaseWaitingForFindings_InstanceTerminated()
    {
        var trackingNumber = TrackingNumber.New(DateTime.UtcNow, TimeZoneInfo.Utc);
        await using var engine = await CoreCaseEngine.StartAsync(azurite.ConnectionString, ScenarioSettings.Create());
        await engine.SubmitAsync(ComplaintScenarios.Approval.Submission, trackingNumber);
        await engine.WaitForAsync(trackingNumber, CaseStage.Investigation, "assessed", 1);

        await engine.Client.TerminateAsync(trackingNumber, "customer withdrew by phone");
        await engine.WaitForEndAsync(trackingNumber);

        var status = await engine.Client.GetStatusAsync(trackingNumber);
        Assert.Equal(WorkflowRuntimeStatus.Terminated, status!.RuntimeStatus);
    }

    [Fact]
    public async Task RetentionSweep_ArchivedCasePastItsRetention_PurgesTheOrchestrationHistoryAndTheRecord()
    {
        var trackingNumber = TrackingNumber.New(DateTime.UtcNow, TimeZoneInfo.Utc);
        await using var engine = await CoreCaseEngine.StartAsync(azurite.ConnectionString, ScenarioSettings.Create());
        await engine.RunAsync(ComplaintScenarios.Suggestion, trackingNumber);
        var store = engine.Services.GetRequiredService<IComplaintStore>();
        await store.UpdateAsync(trackingNumber, r => r with { RetainUntilUtc = DateTime.UtcNow.AddMinutes(-1) }, CancellationToken.None);
        var deletions = new InMemoryDeletionLog();
        var sweep = new RetentionSweep(
            store, engine.Services.GetRequiredService<ITimelineStore>(), engine.Services.GetRequiredService<IEvidenceStore>(),
            engine.Services.GetRequiredService<INotificationOutbox>(), deletions, engine.Client, new RetentionOptions(), TimeProvider.System,
            NullLogger<RetentionSweep>.Instance);
        var before = await engine.Client.GetStatusAsync(trackingNumber);

        var result = await sweep.RunAsync(CancellationToken.None);

        Assert.Equal(WorkflowRuntimeStatus.Completed, before!.RuntimeStatus);
        Assert.Equal(1, result.Deleted);
        Assert.Null(await engine.Client.GetStatusAsync(trackingNumber));
        Assert.Null(await store.GetAsync(trackingNumber, CancellationToken.None));
        Assert.False(await engine.Client.PurgeAsync(trackingNumber));
    }
}
