namespace ServerlessComplaints.Workflow.Inbound;

/// <summary>An attachment not kept as evidence: its name (for staff only, never on the status page) and why.</summary>
public sealed record RefusedAttachment(string FileName, string Reason)
{
    public override string ToString() => $"{FileName}: {Reason}";
}
