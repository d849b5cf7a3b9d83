using Microsoft.Extensions.DependencyInjection;
using ServerlessComplaints.Harness.Activities;
using ServerlessComplaints.Harness.Dispatch;
using ServerlessComplaints.Harness.Hosting;
using ServerlessComplaints.Workflow.Activities;
using ServerlessComplaints.Workflow.Orchestration;
using ServerlessComplaints.Workflow.Setup;

namespace ServerlessComplaints.Testing.Engines;

/// <summary>The test harness on its simulated clock (as the workflow tests' CaseHarness runs it): waiting walks time timer by timer.</summary>
public sealed class HarnessCaseEngine : CaseEngine
{
    // Scenario timers are seconds apart; a wait that needs more has missed its point and would only fire SLA reminders.
    private static readonly TimeSpan MaxWait = TimeSpan.FromHours(1);

    public HarnessCaseEngine(ComplaintCentreSettings settings, DateTimeOffset startUtc, Action<IServiceCollection>? configure = null)
        : base(settings, configure)
    {
        Host = new DeterministicWorkflowHost(ComplaintOrchestrations.CreateRegistry(), new ServiceProviderActivityInvoker(Services, ComplaintActivities.All), startUtc);
    }

    public DeterministicWorkflowHost Host { get; }

    public override IWorkflowClient Client => Host.Client;

    protected override TimeProvider Clock => Host.Clock;

    protected override Task SettleAsync() => Host.SettleAsync();

    protected override async Task WaitUntilAsync(Func<Task<bool>> reached, Func<Task<string>> describe)
    {
        var limit = Host.UtcNow + MaxWait;
        while (!await reached())
        {
            var next = Host.Dispatcher.NextTimerDueUtc;
            if (next is null || next > limit)
            {
                Assert.Fail(await describe());
                return;
            }

            await Host.AdvanceToAsync(next.Value);
        }
    }
}
