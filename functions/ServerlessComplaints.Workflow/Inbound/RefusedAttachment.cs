namespace ServerlessComplaints.Workflow.Inbound;

/// <summary>
/// An attachment not kept as evidence: its name (for staff only, never on the status page), why in English (the
/// webhook's answer and the owner's mail) and why as <see cref="RefusalCodes"/> (the timeline).
/// </summary>
public sealed record RefusedAttachment(string FileName, string Reason)
{
    public IReadOnlyList<string> Codes { get; init; } = [];

    public override string ToString() => $"{FileName}: {Reason}";
}
