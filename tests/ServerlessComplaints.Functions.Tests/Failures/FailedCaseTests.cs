using Microsoft.Extensions.DependencyInjection;
using ServerlessComplaints.Functions.Tests.Engines;
using ServerlessComplaints.Testing.Engines;
using ServerlessComplaints.Testing.Scenarios;
using ServerlessComplaints.Workflow.Cases;
using ServerlessComplaints.Workflow.Intake;
using ServerlessComplaints.Workflow.Lifecycle;
using ServerlessComplaints.Workflow.Localization;
using ServerlessComplaints.Workflow.Notifications;
using ServerlessComplaints.Workflow.Orchestration;

namespace ServerlessComplaints.Functions.Tests.Failures;

/// <summary>A case whose orchestration fails in Azure: the instance stays Failed (staff can retry it) and the record says so.</summary>
public class FailedCaseTests
{
    private static readonly ComplaintSubmission Complaint = ComplaintScenarios.Submission("complaint", "product-quality");

    [Fact]
    public async Task MailerAlwaysFails_OnDurableTaskTestHost_RecordFailedWithTheErrorAndInstanceFailed()
    {
        var trackingNumber = TrackingNumber.New(DateTime.UtcNow, TimeZoneInfo.Utc);
        await using var engine = await DurableCaseEngine.StartAsync(ScenarioSettings.Create(activityAttempts: 2), s => s.AddSingleton<IMailer, UnreachableMailer>());

        await engine.SubmitAsync(Complaint, trackingNumber);
        await engine.WaitForEndAsync(trackingNumber);

        var instance = await engine.Client.GetStatusAsync(trackingNumber);
        Assert.Equal(WorkflowRuntimeStatus.Failed, instance!.RuntimeStatus);
        Assert.Contains(UnreachableMailer.Error, instance.FailureMessage, StringComparison.Ordinal);
        Assert.Equal(CaseStage.Failed, (await engine.RecordAsync(trackingNumber)).Stage);
        var failed = Assert.Single(await engine.TimelineAsync(trackingNumber), e => e.Action == "failed");
        Assert.Equal("system", failed.Actor);
        Assert.False(failed.IsPublic);
        Assert.Null(failed.Detail);
        Assert.Equal(WireNames.Of(CaseStage.Investigation), failed.Parameters![TimelineParameters.Stage]);
        Assert.Contains(nameof(Workflow.Activities.SendNotification), failed.Parameters[TimelineParameters.Error], StringComparison.Ordinal);
        Assert.Contains(UnreachableMailer.Error, failed.Parameters[TimelineParameters.Error], StringComparison.Ordinal);
    }

    [Fact]
    public async Task StoreAlwaysFails_OnDurableTaskTestHost_InstanceFailedWithTheCasesOwnError()
    {
        var trackingNumber = TrackingNumber.New(DateTime.UtcNow, TimeZoneInfo.Utc);
        await using var engine = await DurableCaseEngine.StartAsync(ScenarioSettings.Create(activityAttempts: 2), s => s.AddSingleton<IComplaintStore, UnreachableComplaintStore>());

        await engine.SubmitAsync(Complaint, trackingNumber);
        await engine.WaitForEndAsync(trackingNumber);

        // Recording the failure fails too (same store); the instance must still fail with the case's own error.
        var instance = await engine.Client.GetStatusAsync(trackingNumber);
        Assert.Equal(WorkflowRuntimeStatus.Failed, instance!.RuntimeStatus);
        Assert.Contains(nameof(Workflow.Activities.SaveComplaint), instance.FailureMessage, StringComparison.Ordinal);
        Assert.Contains(UnreachableComplaintStore.Error, instance.FailureMessage, StringComparison.Ordinal);
        Assert.DoesNotContain(await engine.TimelineAsync(trackingNumber), e => e.Action == "failed");
    }
}
