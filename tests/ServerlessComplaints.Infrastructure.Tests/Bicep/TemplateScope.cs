using System.Text.Json;
using System.Text.RegularExpressions;

namespace ServerlessComplaints.Infrastructure.Tests.Bicep;

/// <summary>
/// One template of the compiled ARM JSON (the root or a module's nested deployment) with the parameter values its
/// parent passed. Resolves the plain "[parameters('x')]" expressions Bicep emits, so tests read values, not plumbing.
/// </summary>
internal sealed partial class TemplateScope(string name, JsonElement template, JsonElement? passedParameters, TemplateScope? parent)
{
    public string Name { get; } = name;

    public JsonElement Template { get; } = template;

    public IEnumerable<JsonElement> Resources =>
        Template.TryGetProperty("resources", out var resources)
            ? resources.ValueKind == JsonValueKind.Array
                ? resources.EnumerateArray()
                : resources.EnumerateObject().Select(p => p.Value) // symbolic-name templates (languageVersion 2.0)
            : [];

    public IEnumerable<(string Name, JsonElement Value)> Outputs => Section("outputs").Select(p => (p.Name, p.Value));

    public IEnumerable<(string Name, JsonElement Definition)> Parameters => Section("parameters").Select(p => (p.Name, p.Value));

    /// <summary>A nested deployment's template, evaluated with the parameters this scope passes to it.</summary>
    public TemplateScope Child(JsonElement deployment)
    {
        var properties = deployment.GetProperty("properties");
        var passed = properties.TryGetProperty("parameters", out var p) ? p : (JsonElement?)null;
        var name = deployment.GetProperty("name").GetString() ?? "?";
        return new TemplateScope($"{Name}/{name}", properties.GetProperty("template"), passed, this);
    }

    public JsonElement Resolve(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.String || ParameterReference().Match(value.GetString()!) is not { Success: true } match)
        {
            return value;
        }

        var parameter = match.Groups[1].Value;
        // A passed value is an expression of the parent template (Bicep modules evaluate parameters outside).
        if (passedParameters is { } passed && passed.TryGetProperty(parameter, out var given) && given.TryGetProperty("value", out var givenValue))
        {
            return parent is null ? givenValue : parent.Resolve(givenValue);
        }

        return Template.GetProperty("parameters").TryGetProperty(parameter, out var definition)
            && definition.TryGetProperty("defaultValue", out var defaultValue)
                ? Resolve(defaultValue)
                : value;
    }

    private IEnumerable<JsonProperty> Section(string section) =>
        Template.TryGetProperty(section, out var element) && element.ValueKind == JsonValueKind.Object ? element.EnumerateObject() : [];

    [GeneratedRegex(@"^\[parameters\('([^']+)'\)\]$")]
    private static partial Regex ParameterReference();
}
