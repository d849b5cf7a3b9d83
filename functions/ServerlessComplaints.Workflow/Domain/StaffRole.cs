using System.Text.Json.Serialization;

namespace ServerlessComplaints.Workflow.Domain;

/// <summary>Rungs of the authority ladder, lowest first: each may approve remedies up to its limit.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<StaffRole>))]
public enum StaffRole
{
    [JsonStringEnumMemberName("staff")] Staff = 0,
    [JsonStringEnumMemberName("supervisor")] Supervisor = 1,
    [JsonStringEnumMemberName("manager")] Manager = 2,
    [JsonStringEnumMemberName("centre-head")] CentreHead = 3,
}
