using System.Text.Json.Serialization;

namespace ServerlessComplaints.Workflow.Api;

/// <summary>
/// A timeline entry as the customer sees it: the actor only by role. <see cref="Parameters"/> feed the localized
/// sentence on the status page (staff ids replaced by the role); they are not part of the API body.
/// </summary>
public sealed record PublicTimelineEntry(DateTime AtUtc, string Actor, string Action, string? Detail, [property: JsonIgnore] IReadOnlyDictionary<string, string>? Parameters = null);
