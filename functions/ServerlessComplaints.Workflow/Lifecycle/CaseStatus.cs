namespace ServerlessComplaints.Workflow.Lifecycle;

/// <summary>The orchestration's custom status: where the case is, by when, how far escalated, and who has it.</summary>
public sealed record CaseStatus(string Stage, DateTime? DueAtUtc, int EscalationLevel, string? Owner);
