namespace ServerlessComplaints.Workflow.Inbound;

/// <summary>
/// The webhook's 200 body: what became of the mail (<see cref="Opened"/>, <see cref="Threaded"/>, <see cref="Ignored"/>
/// or <see cref="Duplicate"/>), its case, why it was ignored, and attachments refused as evidence.
/// </summary>
public sealed record InboundEmailResult(string Outcome, string? TrackingNumber, string? Reason = null, IReadOnlyList<string>? RefusedAttachments = null)
{
    public const string Opened = "opened";
    public const string Threaded = "threaded";
    public const string Ignored = "ignored";
    public const string Duplicate = "duplicate";
}
