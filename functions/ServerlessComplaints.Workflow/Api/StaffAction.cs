using ServerlessComplaints.Workflow.Domain;

namespace ServerlessComplaints.Workflow.Api;

/// <summary>
/// One staff action: the event it raises, the stages and kinds in which the case expects it, the lowest role that
/// may take it, and how its body becomes the event payload (or field errors).
/// </summary>
internal sealed record StaffAction(
    string Name,
    string EventName,
    IReadOnlyList<string> Stages,
    IReadOnlyList<ComplaintKind> Kinds,
    StaffRole MinimumRole,
    Func<StaffActionBody, string, StaffActionFields, object?> Build);
