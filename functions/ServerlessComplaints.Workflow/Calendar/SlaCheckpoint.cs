namespace ServerlessComplaints.Workflow.Calendar;

/// <summary>
/// A timed SLA event. Reminder: <see cref="Percent"/> 50 / 80, <see cref="Level"/> 0.
/// Escalation: level 1 (department manager, at the deadline, 100 %), level 2 (complaint-centre head, Percent 0).
/// </summary>
public sealed record SlaCheckpoint(DateTime AtUtc, SlaCheckpointKind Kind, int Percent, int Level);
