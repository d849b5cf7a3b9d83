using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json.Serialization;

namespace ServerlessComplaints.Workflow.Localization;

/// <summary>The one wire name of an enum value ("product-quality", "third-party"), read from its attribute.</summary>
public static class WireNames
{
    private static readonly ConcurrentDictionary<Enum, string> Names = new();

    public static string Of<TEnum>(TEnum value)
        where TEnum : struct, Enum =>
        Names.GetOrAdd(value, v => typeof(TEnum).GetField(v.ToString())?.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name
            ?? v.ToString().ToLowerInvariant());
}
