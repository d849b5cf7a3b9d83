namespace ServerlessComplaints.Workflow.Evidence;

/// <summary>The verdict on one uploaded file: its safe name and sniffed content type, or why it is refused.</summary>
public sealed record EvidenceInspection(string? SafeName, string? ContentType, string? Error)
{
    public bool IsAccepted => Error is null;

    internal static EvidenceInspection Refused(string error) => new(null, null, error);
}
