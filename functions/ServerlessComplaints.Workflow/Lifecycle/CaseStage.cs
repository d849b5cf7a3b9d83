using System.Text.Json.Serialization;
using ServerlessComplaints.Workflow.Localization;

namespace ServerlessComplaints.Workflow.Lifecycle;

/// <summary>The stages shown to staff and customers and carried in the custom status; each has one wire name.</summary>
[JsonConverter(typeof(TolerantWireNameConverter<CaseStage>))]
public enum CaseStage
{
    /// <summary>A stage name this release does not know (written by a newer release); read, never set by the workflow.</summary>
    [JsonStringEnumMemberName("unknown")] Unknown,
    [JsonStringEnumMemberName("intake")] Intake,
    [JsonStringEnumMemberName("investigation")] Investigation,
    [JsonStringEnumMemberName("approval")] Approval,
    [JsonStringEnumMemberName("resolution")] Resolution,
    [JsonStringEnumMemberName("execution")] Execution,
    [JsonStringEnumMemberName("follow-up")] FollowUp,
    [JsonStringEnumMemberName("closed")] Closed,
    [JsonStringEnumMemberName("archived")] Archived,
    [JsonStringEnumMemberName("failed")] Failed,
}
