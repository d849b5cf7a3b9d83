using System.Text.Json.Serialization;

namespace ServerlessComplaints.Workflow.Domain;

/// <summary>What the customer brings: an inquiry (咨询), a suggestion (建议) or a complaint (投诉).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ComplaintKind>))]
public enum ComplaintKind
{
    [JsonStringEnumMemberName("complaint")] Complaint,
    [JsonStringEnumMemberName("inquiry")] Inquiry,
    [JsonStringEnumMemberName("suggestion")] Suggestion,
}
