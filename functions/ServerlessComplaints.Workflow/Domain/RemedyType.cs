using System.Text.Json.Serialization;

namespace ServerlessComplaints.Workflow.Domain;

/// <summary>What the company offers to put a complaint right.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RemedyType>))]
public enum RemedyType
{
    [JsonStringEnumMemberName("refund")] Refund,
    [JsonStringEnumMemberName("exchange")] Exchange,
    [JsonStringEnumMemberName("repair")] Repair,
    [JsonStringEnumMemberName("compensation")] Compensation,
    [JsonStringEnumMemberName("coupon")] Coupon,
    [JsonStringEnumMemberName("apology")] Apology,
    [JsonStringEnumMemberName("explanation")] Explanation,
}
