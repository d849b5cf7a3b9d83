namespace ServerlessComplaints.Workflow.Inbound;

/// <summary>
/// An Inbound Parse post as the host read it from multipart/form-data: each text field's raw bytes (decoded later by
/// the <c>charsets</c> field) and each file part under its field name (<c>attachment1</c> …).
/// </summary>
public sealed record InboundPost(IReadOnlyDictionary<string, byte[]> Fields, IReadOnlyDictionary<string, InboundAttachment> Files);
