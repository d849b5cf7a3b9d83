namespace ServerlessComplaints.Workflow.Api;

/// <summary>A file sent with a case, as the host read it from the request.</summary>
public sealed record EvidenceUpload(string? FileName, ReadOnlyMemory<byte> Content);
