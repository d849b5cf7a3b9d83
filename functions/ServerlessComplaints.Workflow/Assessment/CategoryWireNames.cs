using System.Reflection;
using System.Text.Json.Serialization;
using ServerlessComplaints.Workflow.Domain;

namespace ServerlessComplaints.Workflow.Assessment;

/// <summary>The JSON/config names of <see cref="Category"/> values ("product-quality"), read from their attributes.</summary>
internal static class CategoryWireNames
{
    private static readonly Dictionary<Category, string> Names = Enum.GetValues<Category>().ToDictionary(
        c => c,
        c => typeof(Category).GetField(c.ToString())?.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? c.ToString());

    public static IReadOnlyCollection<Category> All => Names.Keys;

    public static string Of(Category category) =>
        Names.TryGetValue(category, out var name)
            ? name
            : throw new ArgumentOutOfRangeException(nameof(category), category, "Unknown category.");

    public static bool IsKnown(string wireName) =>
        Names.Values.Contains(wireName, StringComparer.OrdinalIgnoreCase);
}
