using ServerlessComplaints.Web.Mail;
using Microsoft.Extensions.DependencyInjection;
using ServerlessComplaints.Harness.Activities;
using ServerlessComplaints.Harness.Dispatch;
using ServerlessComplaints.Harness.Hosting;
using ServerlessComplaints.Harness.Storage;
using ServerlessComplaints.Workflow.Activities;
using ServerlessComplaints.Workflow.Cases;
using ServerlessComplaints.Workflow.Domain;
using ServerlessComplaints.Workflow.Intake;
using ServerlessComplaints.Workflow.Lifecycle;
using ServerlessComplaints.Workflow.Notifications;
using ServerlessComplaints.Workflow.Orchestration;
using ServerlessComplaints.Workflow.Setup;

namespace ServerlessComplaints.Workflow.Tests.Lifecycle;

/// <summary>
/// The complaint workflow on the deterministic runtime with in-memory stores and the CN calendar: submit a case,
/// raise its events, move the clock, and read mail, record, timeline and status back.
/// </summary>
internal sealed class CaseHarness
{
    public const string CustomerEmail = "wang.fang@example.cn";

    private CaseHarness(ServiceProvider services, DeterministicWorkflowHost host)
    {
        Services = services;
        Host = host;
    }

    public ServiceProvider Services { get; }

    public DeterministicWorkflowHost Host { get; }

    public string TrackingNumber { get; private set; } = "";

    public InMemoryMailbox Mailbox => Services.GetRequiredService<InMemoryMailbox>();

    public DateTime Now => Host.UtcNow;

    public static CaseHarness Create(DateTimeOffset startUtc, Action<ComplaintCentreSettings>? configure = null, IHistoryStore? store = null)
    {
        var settings = new ComplaintCentreSettings();
        configure?.Invoke(settings);
        var services = new ServiceCollection().AddComplaintWorkflow(settings).AddInMemoryCaseStores().AddComplaintCentreMail();
        var provider = services.BuildServiceProvider();
        var invoker = new ServiceProviderActivityInvoker(provider, ComplaintActivities.All);
        var host = new DeterministicWorkflowHost(ComplaintOrchestrations.CreateRegistry(), invoker, startUtc, store);
        return new CaseHarness(provider, host);
    }

    public static ComplaintSubmission Submission(string kind = "complaint", string category = "product-quality", string? description = null, string email = CustomerEmail) => new()
    {
        Kind = kind,
        Category = category,
        Subject = "电饭煲使用两天后无法加热",
        Description = description ?? "11月20日在浦东店购买的电饭煲，使用两天后无法加热。",
        Customer = new CustomerSubmission { Name = "王芳", Email = email, Phone = "+86 138 0000 0000" },
        Location = "浦东店",
        Language = "zh-CN",
    };

    public async Task<string> SubmitAsync(ComplaintSubmission? submission = null)
    {
        var intake = new CaseIntake(
            Services.GetRequiredService<IntakeValidator>(), Host.Client, Services.GetRequiredService<Workflow.Calendar.BusinessCalendar>(),
            Services.GetRequiredService<WorkflowSettings>(), Host.Clock);
        var outcome = await intake.SubmitAsync(submission ?? Submission(), Channel.Web);
        Assert.True(outcome.Accepted, string.Join("; ", outcome.Errors.Select(e => $"{e.Key}: {string.Join(",", e.Value)}")));
        TrackingNumber = outcome.TrackingNumber!;
        await Host.SettleAsync();
        return TrackingNumber;
    }

    /// <summary>Raises an answer for the round the case waits for now, as the staff API and action links do.</summary>
    public async Task RaiseAsync(string eventName, object payload)
    {
        var status = await Host.Client.GetStatusAsync(TrackingNumber);
        await Host.RaiseEventAsync(TrackingNumber, eventName, ExpectedEvents.ForCurrentRound(status?.CustomStatusJson, eventName, payload));
    }

    /// <summary>Raises the payload exactly as given (a stale or early answer).</summary>
    public Task RaiseRawAsync(string eventName, object payload) => Host.RaiseEventAsync(TrackingNumber, eventName, payload);

    public Task AdvanceToAsync(DateTime utc) => Host.AdvanceToAsync(utc);

    public Task AdvanceAsync(TimeSpan by) => Host.AdvanceAsync(by);

    public async Task<WorkflowInstanceStatus> InstanceAsync() => (await Host.Client.GetStatusAsync(TrackingNumber))!;

    public async Task<CaseStatus> StatusAsync() => (await Host.GetCustomStatusAsync<CaseStatus>(TrackingNumber))!;

    public async Task<WorkflowOutcome?> OutcomeAsync() => WorkflowJson.Deserialize<WorkflowOutcome>((await InstanceAsync()).OutputJson);

    public async Task<ComplaintRecord> RecordAsync() => (await Services.GetRequiredService<IComplaintStore>().GetAsync(TrackingNumber, default))!;

    public async Task<IReadOnlyList<string>> TimelineActionsAsync() =>
        [.. (await Services.GetRequiredService<ITimelineStore>().ListAsync(TrackingNumber, default)).Select(e => e.Action)];

    public IReadOnlyList<OutgoingMail> Mails(NotificationKind kind, string? to = null) =>
        [.. Mailbox.Mails.Where(m => m.NotificationId.StartsWith(TrackingNumber, StringComparison.Ordinal)
            && m.NotificationId.EndsWith("-" + kind.ToString().ToLowerInvariant(), StringComparison.Ordinal)
            && (to is null || m.To == to))];

    /// <summary>Fails with the instance's error if it failed, so scenario failures explain themselves.</summary>
    public async Task AssertHealthyAsync()
    {
        var instance = await InstanceAsync();
        Assert.True(instance.RuntimeStatus != WorkflowRuntimeStatus.Failed, instance.FailureMessage);
    }
}
