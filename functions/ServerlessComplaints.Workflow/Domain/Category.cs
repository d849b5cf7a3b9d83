using System.Text.Json.Serialization;

namespace ServerlessComplaints.Workflow.Domain;

/// <summary>What a case is about; labels in zh-CN and en come from <see cref="CategoryLabels"/>.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Category>))]
public enum Category
{
    [JsonStringEnumMemberName("product-quality")] ProductQuality,
    [JsonStringEnumMemberName("service-attitude")] ServiceAttitude,
    [JsonStringEnumMemberName("delivery")] Delivery,
    [JsonStringEnumMemberName("price")] Price,
    [JsonStringEnumMemberName("facilities")] Facilities,
    [JsonStringEnumMemberName("other")] Other,
}
