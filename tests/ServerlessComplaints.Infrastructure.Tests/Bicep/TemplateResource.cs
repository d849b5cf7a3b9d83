using System.Text.Json;

namespace ServerlessComplaints.Infrastructure.Tests.Bicep;

/// <summary>A resource of the compiled template, read through its scope's parameter values.</summary>
internal sealed record TemplateResource(string Type, JsonElement Body, TemplateScope Scope)
{
    /// <summary>The value at a property path ("properties", "minimumTlsVersion"), parameters resolved; null when absent.</summary>
    public JsonElement? At(params string[] path)
    {
        var current = Scope.Resolve(Body);
        foreach (var segment in path)
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(segment, out var next))
            {
                return null;
            }

            current = Scope.Resolve(next);
        }

        return current;
    }

    public string? StringAt(params string[] path) => At(path) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    public bool? BoolAt(params string[] path) => At(path) is { } value && value.ValueKind is JsonValueKind.True or JsonValueKind.False
        ? value.GetBoolean()
        : null;

    public override string ToString() => $"{Type} in {Scope.Name}";
}
