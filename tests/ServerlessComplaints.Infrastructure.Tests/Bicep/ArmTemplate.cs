using System.Text.Json;

namespace ServerlessComplaints.Infrastructure.Tests.Bicep;

/// <summary>The ARM JSON compiled from infra/main.bicep, with every module's nested template reachable.</summary>
internal sealed class ArmTemplate : IDisposable
{
    private const string DeploymentType = "Microsoft.Resources/deployments";

    private readonly JsonDocument _document;

    public ArmTemplate(string json)
    {
        Json = json;
        _document = JsonDocument.Parse(json);
        Root = new TemplateScope("main", _document.RootElement, null, null);
        Scopes = Flatten(Root).ToList();
    }

    public string Json { get; }

    public TemplateScope Root { get; }

    /// <summary>The root template and every nested module template, depth first.</summary>
    public IReadOnlyList<TemplateScope> Scopes { get; }

    public IEnumerable<TemplateResource> Resources(string type) =>
        Scopes.SelectMany(scope => scope.Resources
            .Where(r => string.Equals(r.GetProperty("type").GetString(), type, StringComparison.OrdinalIgnoreCase))
            .Select(r => new TemplateResource(type, r, scope)));

    public TemplateResource Single(string type)
    {
        var resources = Resources(type).ToList();
        Assert.True(resources.Count == 1, $"Expected one {type}, found {resources.Count}.");
        return resources[0];
    }

    /// <summary>The value a module passes for a parameter of the given name (for example a module's appSettings).</summary>
    public IEnumerable<JsonElement> ModuleArguments(string parameter) =>
        Resources(DeploymentType)
            .Select(d => d.Body.GetProperty("properties"))
            .Where(p => p.TryGetProperty("parameters", out var passed) && passed.TryGetProperty(parameter, out _))
            .Select(p => p.GetProperty("parameters").GetProperty(parameter).GetProperty("value"));

    public void Dispose() => _document.Dispose();

    private static IEnumerable<TemplateScope> Flatten(TemplateScope scope)
    {
        yield return scope;
        var children = scope.Resources
            .Where(r => r.GetProperty("type").GetString() == DeploymentType && r.GetProperty("properties").TryGetProperty("template", out _))
            .SelectMany(r => Flatten(scope.Child(r)));
        foreach (var child in children)
        {
            yield return child;
        }
    }
}
