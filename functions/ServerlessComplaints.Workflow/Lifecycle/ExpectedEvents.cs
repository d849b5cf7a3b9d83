using ServerlessComplaints.Workflow.Lifecycle.Events;
using ServerlessComplaints.Workflow.Orchestration;

namespace ServerlessComplaints.Workflow.Lifecycle;

/// <summary>Answers for the round the case waits for now (demos and scripted drivers; staff go through the authorization decision).</summary>
public static class ExpectedEvents
{
    /// <summary>
    /// <paramref name="payload"/> stamped with the round of the open expectation of <paramref name="eventName"/> in
    /// the custom status; unstamped when the case expects no such event now (the workflow then drops it).
    /// </summary>
    public static object ForCurrentRound(string? customStatusJson, string eventName, object payload)
    {
        var round = WorkflowJson.Deserialize<CaseStatus>(customStatusJson)?.Expecting?.FirstOrDefault(e => e.EventName == eventName)?.Round;
        return round is null ? payload : EventRounds.WithRound(payload, round);
    }

    /// <summary>Raises <paramref name="payload"/> stamped for the current round (see <see cref="ForCurrentRound"/>).</summary>
    public static async Task RaiseExpectedAsync(this IWorkflowClient client, string instanceId, string eventName, object payload, CancellationToken cancellationToken = default)
    {
        var status = await client.GetStatusAsync(instanceId, cancellationToken);
        await client.RaiseEventAsync(instanceId, eventName, ForCurrentRound(status?.CustomStatusJson, eventName, payload), cancellationToken);
    }
}
