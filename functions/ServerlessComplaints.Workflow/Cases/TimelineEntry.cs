namespace ServerlessComplaints.Workflow.Cases;

/// <summary>
/// One state change of a case: who, when, what. <see cref="EntryId"/> is deterministic, so a retried activity
/// never writes an entry twice; <see cref="IsPublic"/> entries are shown to the customer. <see cref="Action"/> is the
/// entry's code (<see cref="TimelineCodes"/>) and <see cref="Parameters"/> what its sentence needs
/// (<see cref="TimelineParameters"/>), rendered in the reader's language by <see cref="Localization.TimelineText"/>;
/// <see cref="Detail"/> holds only a person's own words (the <see cref="TimelineParameters.Text"/> parameter), never a
/// sentence of the system's. Entries stored before parameters existed have none, and render from their code and the
/// detail they were stored with (then often an English line).
/// </summary>
public sealed record TimelineEntry(
    string TrackingNumber, string EntryId, DateTime AtUtc, string Actor, string Action, string? Detail, bool IsPublic,
    IReadOnlyDictionary<string, string>? Parameters = null)
{
    /// <summary>A new entry: its code and parameters, with the person's own words (if any) as its detail.</summary>
    public static TimelineEntry Of(string trackingNumber, string entryId, DateTime atUtc, string actor, string code, bool isPublic, IReadOnlyDictionary<string, string> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return new(trackingNumber, entryId, atUtc, actor, code, parameters.GetValueOrDefault(TimelineParameters.Text), isPublic, parameters);
    }
}
