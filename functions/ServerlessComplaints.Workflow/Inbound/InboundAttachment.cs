namespace ServerlessComplaints.Workflow.Inbound;

/// <summary>A file attached to an inbound email: the name the sender gave it and its bytes (checked later as evidence).</summary>
public sealed record InboundAttachment(string? FileName, ReadOnlyMemory<byte> Content);
