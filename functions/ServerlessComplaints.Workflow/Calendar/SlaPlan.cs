namespace ServerlessComplaints.Workflow.Calendar;

/// <summary>A case's SLA: its start, deadline and the reminders and escalations in time order.</summary>
public sealed record SlaPlan(DateTime StartUtc, DateTime DueUtc, IReadOnlyList<SlaCheckpoint> Checkpoints);
