using System.Text.Json.Serialization;

namespace ServerlessComplaints.Workflow.Domain;

/// <summary>Who the investigation found responsible.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ResponsibleParty>))]
public enum ResponsibleParty
{
    [JsonStringEnumMemberName("company")] Company,
    [JsonStringEnumMemberName("staff")] Staff,
    [JsonStringEnumMemberName("customer")] Customer,
    [JsonStringEnumMemberName("third-party")] ThirdParty,
}
