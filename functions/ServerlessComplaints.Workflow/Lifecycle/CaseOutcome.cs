using System.Text.Json.Serialization;
using ServerlessComplaints.Workflow.Localization;

namespace ServerlessComplaints.Workflow.Lifecycle;

/// <summary>How a case ended; each has one wire name.</summary>
[JsonConverter(typeof(TolerantWireNameConverter<CaseOutcome>))]
public enum CaseOutcome
{
    /// <summary>An outcome name this release does not know (written by a newer release); read, never set by the workflow.</summary>
    [JsonStringEnumMemberName("unknown")] Unknown,

    /// <summary>Remedy carried out (or inquiry answered) and the survey was not dissatisfied.</summary>
    [JsonStringEnumMemberName("resolved")] Resolved,

    /// <summary>The survey went unanswered in its window.</summary>
    [JsonStringEnumMemberName("no-reply")] NoReply,

    /// <summary>Dissatisfied again after the one reopen.</summary>
    [JsonStringEnumMemberName("dissatisfied")] Dissatisfied,

    /// <summary>The customer never answered the offer; it stands.</summary>
    [JsonStringEnumMemberName("no-response")] NoResponse,

    /// <summary>The customer declined the manager's final offer.</summary>
    [JsonStringEnumMemberName("declined")] Declined,

    /// <summary>A suggestion was reviewed and replied to.</summary>
    [JsonStringEnumMemberName("reviewed")] Reviewed,

    /// <summary>The customer withdrew the case from the status page.</summary>
    [JsonStringEnumMemberName("withdrawn")] Withdrawn,

    /// <summary>A manager ended the case's workflow (staff terminate).</summary>
    [JsonStringEnumMemberName("terminated")] Terminated,
}
