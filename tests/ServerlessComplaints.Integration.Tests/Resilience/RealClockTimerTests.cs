using ServerlessComplaints.Integration.Tests.DurableTask;
using ServerlessComplaints.Testing.Scenarios;
using ServerlessComplaints.Workflow.Intake;
using ServerlessComplaints.Workflow.Lifecycle;
using ServerlessComplaints.Workflow.Lifecycle.Events;
using ServerlessComplaints.Workflow.Orchestration;

namespace ServerlessComplaints.Integration.Tests.Resilience;

/// <summary>
/// The Durable Task engine on Azurite fires the workflow's durable timers on the real clock: the follow-up wait of
/// every answered inquiry ends with its survey mail soon after the delay. The Azure Storage backend may fire a timer up
/// to a second early (TOOLING.md); more than that fails. The lateness figures against the targets are the benchmark's.
/// </summary>
[Collection(AzuriteCollection.Name)]
public class RealClockTimerTests(AzuriteFixture azurite)
{
    private static readonly TimeSpan FollowUpDelay = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task FollowUpTimers_RealEngineOnAzurite_FireAfterTheirDelayAndSoonAfterIt()
    {
        var settings = ScenarioSettings.Create();
        settings.Workflow = settings.Workflow with { FollowUpDelay = FollowUpDelay };
        await using var engine = await CoreCaseEngine.StartAsync(azurite.ConnectionString, settings);
        var cases = Enumerable.Range(0, 8).Select(_ => TrackingNumber.New(DateTime.UtcNow, TimeZoneInfo.Utc)).ToList();
        foreach (var tn in cases)
        {
            await engine.SubmitAsync(ComplaintScenarios.Inquiry.Submission, tn);
        }

        foreach (var tn in cases)
        {
            await engine.WaitForAsync(tn, CaseStage.Investigation, "assessed", 1);
            await engine.RaiseAsync(tn, WorkflowEvents.Answer, new InquiryAnswered("zhao.min", "已发货。"));
        }

        foreach (var tn in cases)
        {
            await engine.WaitForAsync(tn, CaseStage.FollowUp, "survey-sent", 1);
            var timeline = await engine.TimelineAsync(tn);
            var answered = timeline.Single(e => e.Action == "answered").AtUtc;
            var surveyed = timeline.Single(e => e.Action == "survey-sent").AtUtc;
            var lateness = surveyed - answered - FollowUpDelay;
            Assert.True(lateness >= TimeSpan.FromSeconds(-1), $"{tn}: the survey went {-lateness.TotalMilliseconds:0} ms before the follow-up delay ended");
            Assert.True(lateness < TimeSpan.FromSeconds(5), $"{tn}: the survey went {lateness.TotalSeconds:0.0} s after the follow-up delay ended");
        }
    }
}
