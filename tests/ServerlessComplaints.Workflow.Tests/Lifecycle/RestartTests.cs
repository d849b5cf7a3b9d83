using ServerlessComplaints.Harness.Activities;
using ServerlessComplaints.Harness.Dispatch;
using ServerlessComplaints.Harness.Hosting;
using ServerlessComplaints.Harness.Storage;
using ServerlessComplaints.Workflow.Activities;
using ServerlessComplaints.Workflow.Domain;
using ServerlessComplaints.Workflow.Lifecycle;
using ServerlessComplaints.Workflow.Lifecycle.Events;
using ServerlessComplaints.Workflow.Notifications;
using ServerlessComplaints.Workflow.Orchestration;

namespace ServerlessComplaints.Workflow.Tests.Lifecycle;

public class RestartTests
{
    [Fact]
    public async Task NewDispatcherOverSameStore_RecoversTimersAndFinishesTheCase()
    {
        var store = new InMemoryHistoryStore();
        var harness = CaseHarness.Create(ComplaintHappyPathTests.Monday, store: store);
        await harness.SubmitAsync();
        await harness.RaiseAsync(WorkflowEvents.Findings, new FindingsSubmitted(Staff.Owner, "defect", ResponsibleParty.Company, "f", new Remedy(RemedyType.Apology, null, "致歉")));

        // A second process over the same history store: the in-memory timers come back from the store.
        var invoker = new ServiceProviderActivityInvoker(harness.Services, ComplaintActivities.All);
        var restarted = new DeterministicWorkflowHost(ComplaintOrchestrations.CreateRegistry(), invoker, harness.Host.Clock.GetUtcNow(), store);
        await restarted.Dispatcher.RecoverAsync();
        var recoveredTimer = restarted.Dispatcher.NextTimerDueUtc;
        await restarted.AdvanceAsync(TimeSpan.FromDays(5));

        Assert.NotNull(recoveredTimer);
        var status = await restarted.Client.GetStatusAsync(harness.TrackingNumber);
        Assert.Equal(WorkflowRuntimeStatus.Completed, status!.RuntimeStatus);
        Assert.Equal(CaseOutcome.NoResponse, WorkflowJson.Deserialize<WorkflowOutcome>(status.OutputJson)!.Outcome);
        Assert.Single(harness.Mails(NotificationKind.OfferReminder));
    }
}
