namespace ServerlessComplaints.Workflow.Lifecycle;

/// <summary>
/// One answer the workflow waits for now: the event, its round (an answer for another round is dropped), who it is
/// assigned to (a staff id or "customer") and, for an approval, the amount at stake. Published in the custom status
/// so that the authorization decision can tell what the case expects.
/// </summary>
public sealed record CaseExpectation(string EventName, string Round, string Assignee, decimal? Amount = null);
