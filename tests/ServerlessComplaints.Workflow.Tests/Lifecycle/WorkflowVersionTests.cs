using System.Text.Json;
using ServerlessComplaints.Harness.Execution;
using ServerlessComplaints.Harness.History;
using ServerlessComplaints.Harness.Hosting;
using ServerlessComplaints.Workflow.Lifecycle;
using ServerlessComplaints.Workflow.Lifecycle.Events;
using ServerlessComplaints.Workflow.Orchestration;

namespace ServerlessComplaints.Workflow.Tests.Lifecycle;

public class WorkflowVersionTests
{
    // Recorded by the version 1 release (commit 35edbce): a 599 refund approved, the offer out, the customer deciding.
    private static readonly string HistoryFile = Path.Combine(AppContext.BaseDirectory, "Lifecycle", "Histories", "complaint-v1-awaiting-customer.json");

    private sealed record RecordedCase(string TrackingNumber, DateTime Now, List<HistoryEvent> History);

    [Fact]
    public void Version1History_ReplaysOnThisRelease_AndTakesAnAnswerWithoutRound()
    {
        var recorded = JsonSerializer.Deserialize<RecordedCase>(File.ReadAllText(HistoryFile))!;
        var accepted = new HistoryEvent(HistoryEventType.EventRaised, recorded.Now.AddHours(1))
        {
            Name = WorkflowEvents.CustomerResponse,
            Payload = WorkflowJson.Serialize(new OfferResponse(true, "好的")),
        };

        var result = new OrchestrationExecutor(ComplaintOrchestrations.CreateRegistry()).Execute(recorded.TrackingNumber, recorded.History, [accepted], accepted.TimestampUtc);

        Assert.Contains("\"version\":1", recorded.History[1].Payload, StringComparison.Ordinal);
        Assert.Null(result.Failure);
        Assert.Equal(WorkflowRuntimeStatus.Running, result.Status);
        var next = Assert.Single(result.Activities);
        Assert.Equal("RecordProgress", next.Name);
        Assert.Contains("offer-accepted", next.InputJson, StringComparison.Ordinal);
    }

    [Fact]
    public void CurrentVersion_IsTwo_AndNewCasesStartWithIt()
    {
        var input = new ComplaintWorkflowInput(ComplaintWorkflow.CurrentVersion, null!, new WorkflowSettings());

        Assert.Equal(2, input.Version);
    }
}
