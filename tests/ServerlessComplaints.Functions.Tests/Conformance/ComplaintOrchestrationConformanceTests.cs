using ServerlessComplaints.Functions.Tests.Engines;
using ServerlessComplaints.Testing.Engines;
using ServerlessComplaints.Testing.Scenarios;
using ServerlessComplaints.Workflow.Intake;
using ServerlessComplaints.Workflow.Lifecycle;
using ServerlessComplaints.Workflow.Orchestration;

namespace ServerlessComplaints.Functions.Tests.Conformance;

/// <summary>
/// The Functions app's orchestrator on the real Durable Task engine against the test harness on its simulated
/// clock: the same script must leave the same timeline, mail, record and outcome on both. The SLA scenario waits out
/// its seconds-long investigation deadline in real time here.
/// </summary>
public class ComplaintOrchestrationConformanceTests
{
    public static TheoryData<string> Scenarios => new(ComplaintScenarios.All.Select(s => s.Name));

    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task Scenario_OnDurableTaskTestHost_MatchesTheHarness(string name)
    {
        var scenario = ComplaintScenarios.Named(name);
        var settings = ScenarioSettings.Create();
        var trackingNumber = TrackingNumber.New(DateTime.UtcNow, TimeZoneInfo.Utc);
        await using var durable = await DurableCaseEngine.StartAsync(settings);

        var onDurable = await durable.RunAsync(scenario, trackingNumber);
        // The harness starts at the real receipt time, so that deadlines written into the timeline agree to the second.
        await using var embedded = new HarnessCaseEngine(settings, await durable.ReceivedAtAsync(trackingNumber));
        var onEmbedded = await embedded.RunAsync(scenario, trackingNumber);

        Assert.Equal(WorkflowRuntimeStatus.Completed, onDurable.RuntimeStatus);
        Assert.Equal(scenario.ExpectedOutcome, onDurable.Outcome?.Outcome);
        Assert.Equal(CaseStage.Archived, onDurable.Record.Stage);
        Assert.All(scenario.ExpectedActions, action => Assert.Contains(onDurable.Timeline, e => e.Action == action));
        Assert.Equal(onEmbedded.Timeline, onDurable.Timeline);
        Assert.Equal(onEmbedded.Mails, onDurable.Mails);
        Assert.Equal(onEmbedded.Record, onDurable.Record);
        Assert.Equal(onEmbedded.Outcome, onDurable.Outcome);
        Assert.Equal(onEmbedded.RuntimeStatus, onDurable.RuntimeStatus);
    }
}
