using System.Text.Json.Serialization;

namespace ServerlessComplaints.Workflow.Domain;

/// <summary>How fast a case must move; ordered so that a larger value is more urgent.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Urgency>))]
public enum Urgency
{
    [JsonStringEnumMemberName("low")] Low = 0,
    [JsonStringEnumMemberName("normal")] Normal = 1,
    [JsonStringEnumMemberName("urgent")] Urgent = 2,
}
