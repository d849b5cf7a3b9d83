namespace ServerlessComplaints.Workflow.Lifecycle;

/// <summary>
/// The orchestration's custom status: where the case is, by when, how far escalated, who has it, and what it waits
/// for now (null in statuses written by releases before expectations were published).
/// </summary>
public sealed record CaseStatus(CaseStage Stage, DateTime? DueAtUtc, int EscalationLevel, string? Owner, IReadOnlyList<CaseExpectation>? Expecting = null);
