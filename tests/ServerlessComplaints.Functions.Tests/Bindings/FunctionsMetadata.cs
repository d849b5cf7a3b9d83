using System.Text.Json;

namespace ServerlessComplaints.Functions.Tests.Bindings;

/// <summary>
/// The functions.metadata the Worker SDK generates from the built app (what the Functions host indexes), copied
/// into this project's output with the app.
/// </summary>
internal static class FunctionsMetadata
{
    private static readonly Lazy<IReadOnlyList<FunctionDefinition>> Loaded = new(Load);

    public static IReadOnlyList<FunctionDefinition> Functions => Loaded.Value;

    public static FunctionDefinition Named(string name) =>
        Functions.SingleOrDefault(f => f.Name == name) ?? throw new InvalidOperationException($"functions.metadata has no function '{name}'.");

    private static List<FunctionDefinition> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "functions.metadata");
        if (!File.Exists(path))
        {
            throw new FileNotFoundException("The Worker SDK's functions.metadata is missing from the test output: build the Functions app with this project.", path);
        }

        return JsonSerializer.Deserialize<List<FunctionDefinition>>(File.ReadAllText(path), new JsonSerializerOptions(JsonSerializerDefaults.Web))
            ?? throw new InvalidDataException("functions.metadata is empty.");
    }
}

/// <summary>One function as the host sees it: its name, the method it runs and its bindings.</summary>
internal sealed record FunctionDefinition(string Name, string EntryPoint, IReadOnlyList<FunctionBinding> Bindings)
{
    public FunctionBinding Trigger => Bindings.Single(b => b.Type.EndsWith("Trigger", StringComparison.Ordinal));
}

/// <summary>One binding of a function; route, methods and schedule only where the binding has them.</summary>
internal sealed record FunctionBinding(string Name, string Direction, string Type, string? Route = null, IReadOnlyList<string>? Methods = null, string? Schedule = null);
