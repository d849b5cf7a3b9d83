namespace ServerlessComplaints.Workflow.Inbound;

/// <summary>
/// The webhook's 200 body (read by SendGrid, never by the public): what became of the mail (<see cref="Opened"/>,
/// <see cref="Threaded"/>, <see cref="Held"/>, <see cref="Ignored"/> or <see cref="Duplicate"/>), its case, why it was
/// ignored or held, and attachments refused as evidence.
/// </summary>
public sealed record InboundEmailResult(string Outcome, string? TrackingNumber, string? Reason = null, IReadOnlyList<string>? RefusedAttachments = null)
{
    public const string Opened = "opened";
    public const string Threaded = "threaded";
    public const string Ignored = "ignored";
    public const string Duplicate = "duplicate";

    /// <summary>A reply to a case from someone who is not (verifiably) its customer or staff: kept for staff review only.</summary>
    public const string Held = "held";

    /// <summary>"name: reason" per refused attachment, or null when none was refused.</summary>
    public static IReadOnlyList<string>? Names(IReadOnlyList<RefusedAttachment> refused) =>
        refused is { Count: > 0 } ? [.. refused.Select(r => r.ToString())] : null;
}
