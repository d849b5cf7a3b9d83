namespace ServerlessComplaints.Workflow.Inbound;

/// <summary>The parsed message, or why the post is malformed (a 400 for SendGrid).</summary>
public sealed record InboundParseResult(InboundMessage? Message, string? Error)
{
    public static InboundParseResult Malformed(string error) => new(null, error);
}
