using System.Text.Json.Serialization;

namespace ServerlessComplaints.Workflow.Domain;

/// <summary>How a case reached the complaint centre.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Channel>))]
public enum Channel
{
    [JsonStringEnumMemberName("web")] Web,
    [JsonStringEnumMemberName("email")] Email,
    [JsonStringEnumMemberName("api")] Api,
    [JsonStringEnumMemberName("phone")] Phone,
    [JsonStringEnumMemberName("counter")] Counter,
}
