using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json.Serialization;

namespace ServerlessComplaints.Workflow.Localization;

/// <summary>The one wire name of an enum value ("product-quality", "third-party"), read from its attribute, and back.</summary>
public static class WireNames
{
    private static readonly ConcurrentDictionary<Enum, string> Names = new();
    private static readonly ConcurrentDictionary<Type, object> Values = new();

    public static string Of<TEnum>(TEnum value)
        where TEnum : struct, Enum =>
        Names.GetOrAdd(value, v => typeof(TEnum).GetField(v.ToString())?.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name
            ?? v.ToString().ToLowerInvariant());

    /// <summary>The value whose wire name is exactly <paramref name="name"/>; member names and numbers are not wire names.</summary>
    public static bool TryParse<TEnum>(string? name, out TEnum value)
        where TEnum : struct, Enum
    {
        var byName = (FrozenDictionary<string, TEnum>)Values.GetOrAdd(
            typeof(TEnum), _ => Enum.GetValues<TEnum>().ToFrozenDictionary(v => Of(v), StringComparer.Ordinal));
        if (name is not null && byName.TryGetValue(name, out value))
        {
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>The value whose wire name is <paramref name="name"/>, or the default (an enum's "unknown" member) for a name this release does not know.</summary>
    public static TEnum ValueOf<TEnum>(string? name)
        where TEnum : struct, Enum => TryParse<TEnum>(name, out var value) ? value : default;
}
