using System.Text.Json;
using Microsoft.Playwright;
using ServerlessComplaints.Browser.Tests.Hosting;

namespace ServerlessComplaints.Browser.Tests.Accessibility;

/// <summary>
/// axe-core (npm, node_modules/axe-core/axe.min.js) injected into the page and run on the whole document. Every
/// violation is kept beside the screenshot (name.axe.json); the serious and critical ones fail the test.
/// </summary>
public static class AxeScan
{
    private static readonly string[] Blocking = ["serious", "critical"];

    private const string Run = """
        async () => {
          const result = await axe.run(document, { resultTypes: ['violations'] });
          return result.violations.map(v => ({
            id: v.id, impact: v.impact, help: v.help,
            nodes: v.nodes.map(n => n.target.join(' ') + ' — ' + n.failureSummary.replace(/\s+/g, ' ').slice(0, 200)) }));
        }
        """;

    public static async Task<IReadOnlyList<AxeViolation>> RunAsync(IPage page, string name)
    {
        await page.AddScriptTagAsync(new() { Path = RepositoryFolder.AxeScript });
        var result = await page.EvaluateAsync<JsonElement>(Run);
        var violations = result.EnumerateArray().Select(AxeViolation.From).ToList();
        await File.WriteAllTextAsync(Path.Combine(RepositoryFolder.Screenshots, name + ".axe.json"), JsonSerializer.Serialize(violations, new JsonSerializerOptions { WriteIndented = true }));
        return violations;
    }

    /// <summary>Fails listing every serious or critical violation (rule, impact, help, the elements).</summary>
    public static async Task AssertNoSeriousViolationsAsync(IPage page, string name)
    {
        var violations = await RunAsync(page, name);
        var blocking = violations.Where(v => Blocking.Contains(v.Impact)).ToList();
        Assert.True(blocking.Count == 0, $"axe-core on {page.Url}: {blocking.Count} serious or critical violation(s):\n" + string.Join("\n", blocking));
    }
}

public sealed record AxeViolation(string Id, string? Impact, string Help, IReadOnlyList<string> Nodes)
{
    internal static AxeViolation From(JsonElement v) => new(
        v.GetProperty("id").GetString()!,
        v.GetProperty("impact").GetString(),
        v.GetProperty("help").GetString()!,
        v.GetProperty("nodes").EnumerateArray().Select(n => n.GetString()!).ToList());

    public override string ToString() => $"  {Id} ({Impact}): {Help}\n    " + string.Join("\n    ", Nodes);
}
