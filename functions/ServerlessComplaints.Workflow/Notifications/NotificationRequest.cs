namespace ServerlessComplaints.Workflow.Notifications;

/// <summary>
/// A mail to send for a case. <see cref="NotificationId"/> is deterministic (tracking number + sequence + kind),
/// so the outbox turns a retried send into a no-op. <see cref="Recipient"/> is a staff id or <see cref="Customer"/>;
/// <see cref="DueAtUtc"/> overrides the case deadline shown as {due}; <see cref="LinkAction"/>, when set, makes {actionUrl}
/// a signed single-use link for the recipient to take that action.
/// </summary>
public sealed record NotificationRequest(
    string NotificationId,
    string TrackingNumber,
    NotificationKind Kind,
    string Recipient,
    IReadOnlyDictionary<string, string>? Data = null,
    DateTime? DueAtUtc = null,
    string? LinkAction = null)
{
    public const string Customer = "customer";

    /// <summary>The round of the expectation the link answers (see <see cref="Lifecycle.CaseExpectation"/>), carried in its token.</summary>
    public string? Round { get; init; }
}
