namespace ServerlessComplaints.Workflow.Notifications;

/// <summary>Whether the mail went out now, had gone out before (a retry), or could not be sent (no address).</summary>
public sealed record NotificationResult(bool Sent, bool AlreadySent, string? SkippedBecause = null);
