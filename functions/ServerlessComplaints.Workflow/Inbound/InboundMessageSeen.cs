namespace ServerlessComplaints.Workflow.Inbound;

/// <summary>What became of a delivered Message-ID: <see cref="Processing"/> while it is handled, then its outcome and case.</summary>
public sealed record InboundMessageSeen(string Outcome, string? TrackingNumber, DateTime AtUtc)
{
    public const string Processing = "processing";

    public bool IsProcessing => Outcome == Processing;
}
