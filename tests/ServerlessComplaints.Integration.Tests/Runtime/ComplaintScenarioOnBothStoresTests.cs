using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using ServerlessComplaints.Runtime.Activities;
using ServerlessComplaints.Runtime.Dispatch;
using ServerlessComplaints.Runtime.Hosting;
using ServerlessComplaints.Runtime.Storage;
using ServerlessComplaints.Workflow.Activities;
using ServerlessComplaints.Workflow.Calendar;
using ServerlessComplaints.Workflow.Cases;
using ServerlessComplaints.Workflow.Domain;
using ServerlessComplaints.Workflow.Intake;
using ServerlessComplaints.Workflow.Lifecycle;
using ServerlessComplaints.Workflow.Lifecycle.Events;
using ServerlessComplaints.Workflow.Notifications;
using ServerlessComplaints.Workflow.Orchestration;
using ServerlessComplaints.Workflow.Setup;

namespace ServerlessComplaints.Integration.Tests.Runtime;

/// <summary>The complaint workflow's long scenario on the in-memory store and on Azure Tables: same history, timeline and mail.</summary>
[Collection(AzuriteCollection.Name)]
public class ComplaintScenarioOnBothStoresTests(AzuriteFixture azurite)
{
    private const string TrackingNumber = "CMP-20261123-SAME01";
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task LongComplaintScenario_InMemoryAndTableStores_IdenticalHistoriesTimelinesAndMail()
    {
        var table = new TableHistoryStore(new TableServiceClient(azurite.ConnectionString), AzuriteFixture.UniqueName("h"));
        await table.EnsureCreatedAsync(default);

        var inMemory = await RunScenarioAsync(new InMemoryHistoryStore());
        var onTables = await RunScenarioAsync(table);

        Assert.Equal(WorkflowRuntimeStatus.Completed, inMemory.Status.RuntimeStatus);
        Assert.Equal(CaseOutcome.NoReply, WorkflowJson.Deserialize<WorkflowOutcome>(inMemory.Status.OutputJson)!.Outcome);
        Assert.True(inMemory.History.Count > 100, $"scenario too short: {inMemory.History.Count} events");
        Assert.Equal(inMemory.History, onTables.History);
        Assert.Equal(inMemory.Timeline, onTables.Timeline);
        // Action links carry a random nonce each; everything else in the mail must be identical.
        Assert.Equal(inMemory.Mails.Select(WithoutNonces), onTables.Mails.Select(WithoutNonces));
        Assert.Equal(inMemory.Status with { LastUpdatedAtUtc = default }, onTables.Status with { LastUpdatedAtUtc = default });
    }

    private static async Task<ScenarioResult> RunScenarioAsync(IHistoryStore store)
    {
        var settings = new ComplaintCentreSettings();
        settings.Security.StatusLinkKey = "a-fixed-key-so-both-runs-render-the-same-links";
        await using var services = new ServiceCollection().AddComplaintWorkflow(settings).AddInMemoryCaseStores().BuildServiceProvider();
        var host = new DeterministicWorkflowHost(ComplaintOrchestrations.CreateRegistry(), new ServiceProviderActivityInvoker(services, ComplaintActivities.All), Monday, store);
        var intake = new CaseIntake(services.GetRequiredService<IntakeValidator>(), host.Client, services.GetRequiredService<BusinessCalendar>(), services.GetRequiredService<WorkflowSettings>(), host.Clock);
        async Task Raise(string name, object payload) =>
            await host.RaiseEventAsync(TrackingNumber, name, ExpectedEvents.ForCurrentRound((await host.Client.GetStatusAsync(TrackingNumber))?.CustomStatusJson, name, payload));

        var submission = new ComplaintSubmission
        {
            Kind = "complaint", Category = "product-quality", Subject = "电饭煲无法加热", Description = "使用两天后无法加热",
            Customer = new CustomerSubmission { Name = "王芳", Email = "wang.fang@example.cn" }, Language = "zh-CN",
        };
        Assert.True((await intake.SubmitAsync(submission, Channel.Web, trackingNumber: TrackingNumber)).Accepted);
        await host.SettleAsync();
        await host.AdvanceAsync(TimeSpan.FromDays(2));
        await Raise(WorkflowEvents.Findings, new FindingsSubmitted("zhang.wei", "rc", ResponsibleParty.Company, "f", new Remedy(RemedyType.Refund, 599m, "退款")));
        await host.AdvanceAsync(TimeSpan.FromDays(2));
        await Raise(WorkflowEvents.Approval, new ApprovalDecision("li.na", true));
        await Raise(WorkflowEvents.CustomerResponse, new OfferResponse(false, "换货"));
        await Raise(WorkflowEvents.Offer, new RevisedOffer("zhang.wei", new Remedy(RemedyType.Exchange, null, "换新")));
        await Raise(WorkflowEvents.CustomerResponse, new OfferResponse(true));
        await Raise(WorkflowEvents.Execution, new ExecutionConfirmed("zhang.wei", "EX-1"));
        await host.AdvanceAsync(TimeSpan.FromDays(3));
        await Raise(WorkflowEvents.Survey, new SurveyAnswered(2, "不满意"));
        await Raise(WorkflowEvents.Findings, new FindingsSubmitted("zhang.wei", "rc2", ResponsibleParty.Company, "f2", new Remedy(RemedyType.Repair, null, "上门维修")));
        await Raise(WorkflowEvents.CustomerResponse, new OfferResponse(true));
        await Raise(WorkflowEvents.Execution, new ExecutionConfirmed("zhang.wei", "EX-2"));
        await host.AdvanceAsync(TimeSpan.FromDays(11));

        return new ScenarioResult(
            [.. await host.Dispatcher.GetHistoryAsync(TrackingNumber)],
            [.. await services.GetRequiredService<ITimelineStore>().ListAsync(TrackingNumber, default)],
            [.. services.GetRequiredService<InMemoryMailbox>().Mails],
            (await host.Client.GetStatusAsync(TrackingNumber))!);
    }

    private static OutgoingMail WithoutNonces(OutgoingMail mail) => mail with
    {
        TextBody = System.Text.RegularExpressions.Regex.Replace(mail.TextBody, @"/actions/[A-Za-z0-9._\-]+", "/actions/…"),
        HtmlBody = null,
    };

    private sealed record ScenarioResult(
        List<ServerlessComplaints.Runtime.History.HistoryEvent> History,
        List<TimelineEntry> Timeline,
        List<OutgoingMail> Mails,
        WorkflowInstanceStatus Status);
}
