namespace ServerlessComplaints.Workflow.Retention;

/// <summary>What one sweep did: cases deleted, kept for a legal hold, kept because their workflow still runs, and failures.</summary>
public sealed record RetentionSweepResult(int Deleted, int SkippedHeld, int SkippedRunning, int Failed);
