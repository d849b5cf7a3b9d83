namespace ServerlessComplaints.Workflow.Lifecycle;

/// <summary>The orchestration output: how the case ended and how long its record is kept.</summary>
public sealed record WorkflowOutcome(CaseOutcome Outcome, DateTime ClosedAtUtc, DateTime RetainUntilUtc, int Reopens);
