using System.Diagnostics;
using ServerlessComplaints.Integration.Tests.DurableTask;
using ServerlessComplaints.Testing.Engines;
using ServerlessComplaints.Testing.Scenarios;
using ServerlessComplaints.Workflow.Intake;
using ServerlessComplaints.Workflow.Lifecycle;
using ServerlessComplaints.Workflow.Orchestration;

namespace ServerlessComplaints.Integration.Tests.DurableTask;

/// <summary>
/// The local service's Durable Task engine (DurableTask.Core + Azure Storage backend on Azurite) against the test
/// harness on its simulated clock: the lifecycle scenarios the Functions tests compare must leave the same timeline,
/// mail, record and outcome on both. The scenarios run side by side on one task hub to keep the test short; the SLA
/// scenario's seconds-long deadline (reminders, escalation) passes in real time while the others run.
/// </summary>
[Collection(AzuriteCollection.Name)]
public class DurableTaskConformanceTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task EveryScenario_OnDurableTaskCoreAndAzurite_MatchesTheHarness()
    {
        var settings = ScenarioSettings.Create();
        // Side by side on one store, each run needs a customer of its own, else later cases count as repeat complaints.
        var runs = ComplaintScenarios.All.Select((s, i) => (Scenario: OwnCustomer(s, i), TrackingNumber: TrackingNumber.New(DateTime.UtcNow, TimeZoneInfo.Utc))).ToList();
        var clock = Stopwatch.StartNew();
        await using var core = await CoreCaseEngine.StartAsync(azurite.ConnectionString, settings);

        var onCore = await Task.WhenAll(runs.Select(r => core.RunAsync(r.Scenario, r.TrackingNumber)));
        var coreTime = clock.Elapsed;

        for (var i = 0; i < runs.Count; i++)
        {
            var (scenario, trackingNumber) = runs[i];
            // The harness starts at the real receipt time, so that deadlines written into the timeline agree to the second.
            await using var embedded = new HarnessCaseEngine(settings, await core.ReceivedAtAsync(trackingNumber));
            var onEmbedded = await embedded.RunAsync(scenario, trackingNumber);
            var onDurable = onCore[i];

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

        Assert.True(coreTime < TimeSpan.FromSeconds(60), $"{runs.Count} scenarios took {coreTime.TotalSeconds:0.0} s");
    }

    private static CaseScenario OwnCustomer(CaseScenario scenario, int index) => scenario with
    {
        Submission = scenario.Submission with
        {
            Customer = scenario.Submission.Customer! with { Email = $"customer{index}@example.cn", Phone = $"+86 138 0000 000{index}" },
        },
    };
}
