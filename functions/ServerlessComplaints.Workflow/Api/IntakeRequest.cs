using ServerlessComplaints.Workflow.Domain;
using ServerlessComplaints.Workflow.Intake;

namespace ServerlessComplaints.Workflow.Api;

/// <summary>
/// One submission as a host received it: the fields, the files, and how it came in. <see cref="IdempotencyScope"/> is
/// set by the server only (the inbound-email channel); otherwise the scope is the staff member who logged the case, or
/// the public.
/// </summary>
public sealed record IntakeRequest(
    ComplaintSubmission? Submission,
    IReadOnlyList<EvidenceUpload> Files,
    Channel Channel,
    string? AcceptLanguage = null,
    string? IdempotencyKey = null,
    string? LoggedBy = null,
    string? IdempotencyScope = null)
{
    /// <summary>When set, field errors are worded in this culture (a page in that language); the API answers in English.</summary>
    public System.Globalization.CultureInfo? ErrorCulture { get; init; }

    /// <summary>The scope the <see cref="IdempotencyKey"/> lives in; keys of different scopes never meet.</summary>
    public string KeyScope => IdempotencyScope ?? (LoggedBy is { } staffId ? IdempotencyKeys.StaffScope(staffId) : IdempotencyKeys.PublicScope);
}
