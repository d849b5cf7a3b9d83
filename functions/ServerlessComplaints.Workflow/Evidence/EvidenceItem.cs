namespace ServerlessComplaints.Workflow.Evidence;

/// <summary>One stored evidence file: where it is, what it is and its SHA-256 (hex) for integrity checks.</summary>
public sealed record EvidenceItem(string BlobName, string FileName, string ContentType, long Size, string Sha256);
