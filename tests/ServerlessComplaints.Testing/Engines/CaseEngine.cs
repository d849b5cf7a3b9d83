using ServerlessComplaints.Web.Mail;
using Microsoft.Extensions.DependencyInjection;
using ServerlessComplaints.Testing.Scenarios;
using ServerlessComplaints.Workflow.Calendar;
using ServerlessComplaints.Workflow.Cases;
using ServerlessComplaints.Workflow.Domain;
using ServerlessComplaints.Workflow.Intake;
using ServerlessComplaints.Workflow.Lifecycle;
using ServerlessComplaints.Workflow.Notifications;
using ServerlessComplaints.Workflow.Orchestration;
using ServerlessComplaints.Workflow.Setup;

namespace ServerlessComplaints.Testing.Engines;

/// <summary>
/// One engine running the complaint workflow over in-memory stores, driven the same way whichever engine it is:
/// submit, wait until the case reaches a point, raise an event, read back what it left.
/// </summary>
public abstract class CaseEngine : IAsyncDisposable
{
    protected CaseEngine(ComplaintCentreSettings settings, Action<IServiceCollection>? configure)
    {
        var services = new ServiceCollection().AddComplaintWorkflow(settings).AddInMemoryCaseStores().AddComplaintCentreMail();
        configure?.Invoke(services);
        Services = services.BuildServiceProvider();
    }

    public ServiceProvider Services { get; }

    public abstract IWorkflowClient Client { get; }

    protected abstract TimeProvider Clock { get; }

    public async Task<ScenarioResult> RunAsync(CaseScenario scenario, string trackingNumber)
    {
        await SubmitAsync(scenario.Submission, trackingNumber);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var step in scenario.Steps)
        {
            seen[step.AfterAction] = seen.GetValueOrDefault(step.AfterAction) + 1;
            await WaitForAsync(trackingNumber, step.Stage, step.AfterAction, seen[step.AfterAction]);
            await RaiseAsync(trackingNumber, step.EventName, step.Payload);
        }

        await WaitForEndAsync(trackingNumber);
        return await ResultAsync(trackingNumber);
    }

    public async Task SubmitAsync(ComplaintSubmission submission, string trackingNumber)
    {
        var intake = new CaseIntake(
            Services.GetRequiredService<IntakeValidator>(), Client, Services.GetRequiredService<BusinessCalendar>(), Services.GetRequiredService<WorkflowSettings>(), Clock);

        var outcome = await intake.SubmitAsync(submission, Channel.Web, trackingNumber: trackingNumber);

        Assert.True(outcome.Accepted, string.Join("; ", outcome.Errors.Select(e => $"{e.Key}: {string.Join(",", e.Value)}")));
        await SettleAsync();
    }

    /// <summary>
    /// Every event reaches a case through here, on both engines: once the case expects it, stamped with the round of
    /// the open expectation (as the staff API and action links do), else the workflow would drop it.
    /// </summary>
    public async Task RaiseAsync(string trackingNumber, string eventName, object payload)
    {
        string? status = null;
        await WaitUntilAsync(
            async () =>
            {
                status = (await Client.GetStatusAsync(trackingNumber))?.CustomStatusJson;
                return WorkflowJson.Deserialize<CaseStatus>(status)?.Expecting?.Any(e => e.EventName == eventName) == true;
            },
            () => DescribeAsync(trackingNumber, $"an open {eventName} expectation"));
        await Client.RaiseEventAsync(trackingNumber, eventName, ExpectedEvents.ForCurrentRound(status, eventName, payload));
        await SettleAsync();
    }

    /// <summary>Waits until the case's custom status shows <paramref name="stage"/> and its timeline holds <paramref name="action"/> <paramref name="occurrence"/> times.</summary>
    public Task WaitForAsync(string trackingNumber, CaseStage stage, string action, int occurrence) =>
        WaitUntilAsync(
            async () =>
            {
                var status = await Client.GetStatusAsync(trackingNumber);
                if (status?.RuntimeStatus is WorkflowRuntimeStatus.Failed or WorkflowRuntimeStatus.Completed or WorkflowRuntimeStatus.Terminated)
                {
                    Assert.Fail($"Waiting for {stage} after '{action}' #{occurrence}, the case ended {status.RuntimeStatus}: {status.FailureMessage} {await DescribeAsync(trackingNumber)}");
                }

                return WorkflowJson.Deserialize<CaseStatus>(status?.CustomStatusJson)?.Stage == stage
                    && (await TimelineAsync(trackingNumber)).Count(e => e.Action == action) >= occurrence;
            },
            () => DescribeAsync(trackingNumber, $"{stage} after '{action}' #{occurrence}"));

    /// <summary>Waits until the case's workflow has ended (completed, failed or terminated).</summary>
    public Task WaitForEndAsync(string trackingNumber) =>
        WaitUntilAsync(
            async () => (await Client.GetStatusAsync(trackingNumber))?.RuntimeStatus is WorkflowRuntimeStatus.Completed or WorkflowRuntimeStatus.Failed or WorkflowRuntimeStatus.Terminated,
            () => DescribeAsync(trackingNumber, "the end"));

    /// <summary>Waits until <paramref name="reached"/> holds for the case; fails describing the case and <paramref name="what"/>.</summary>
    public Task WaitUntilAsync(string trackingNumber, string what, Func<Task<bool>> reached) =>
        WaitUntilAsync(reached, () => DescribeAsync(trackingNumber, what));

    public async Task<ScenarioResult> ResultAsync(string trackingNumber)
    {
        var status = await Client.GetStatusAsync(trackingNumber) ?? throw new InvalidOperationException($"No instance '{trackingNumber}'.");
        var mails = Services.GetRequiredService<InMemoryMailbox>().Mails.Where(m => m.NotificationId.StartsWith(trackingNumber, StringComparison.Ordinal));
        return ScenarioResult.From(status, await TimelineAsync(trackingNumber), mails, await RecordAsync(trackingNumber));
    }

    public async Task<ComplaintRecord> RecordAsync(string trackingNumber) =>
        await Services.GetRequiredService<IComplaintStore>().GetAsync(trackingNumber, default) ?? throw new InvalidOperationException($"No record '{trackingNumber}'.");

    /// <summary>When the case was received, on this engine's clock.</summary>
    public async Task<DateTimeOffset> ReceivedAtAsync(string trackingNumber) =>
        new((await RecordAsync(trackingNumber)).Details.ReceivedAtUtc, TimeSpan.Zero);

    public Task<IReadOnlyList<TimelineEntry>> TimelineAsync(string trackingNumber) => Services.GetRequiredService<ITimelineStore>().ListAsync(trackingNumber, default);

    public virtual async ValueTask DisposeAsync() => await Services.DisposeAsync();

    /// <summary>Lets the engine run until <paramref name="reached"/> holds; fails with <paramref name="describe"/> when it never does.</summary>
    protected abstract Task WaitUntilAsync(Func<Task<bool>> reached, Func<Task<string>> describe);

    /// <summary>Runs whatever the last call made ready (the harness steps synchronously; the real engine runs by itself).</summary>
    protected abstract Task SettleAsync();

    private async Task<string> DescribeAsync(string trackingNumber, string? waitingFor = null)
    {
        var status = await Client.GetStatusAsync(trackingNumber);
        var actions = string.Join(", ", (await TimelineAsync(trackingNumber)).Select(e => e.Action));
        return $"{(waitingFor is null ? "" : $"Never reached {waitingFor}. ")}Runtime status {status?.RuntimeStatus} ({status?.FailureMessage}), custom status {status?.CustomStatusJson}, timeline: {actions}.";
    }
}
