using ServerlessComplaints.Workflow.Domain;
using ServerlessComplaints.Workflow.Intake;

namespace ServerlessComplaints.Workflow.Api;

/// <summary>One submission as a host received it: the fields, the files, and how it came in.</summary>
public sealed record IntakeRequest(
    ComplaintSubmission? Submission,
    IReadOnlyList<EvidenceUpload> Files,
    Channel Channel,
    string? AcceptLanguage = null,
    string? IdempotencyKey = null,
    string? LoggedBy = null);
