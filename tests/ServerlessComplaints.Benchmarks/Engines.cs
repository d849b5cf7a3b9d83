namespace ServerlessComplaints.Benchmarks;

/// <summary>The two engines the benchmark runs, by the names LocalService:Engine uses.</summary>
internal static class Engines
{
    public const string Embedded = "embedded";
    public const string DurableTask = "durable-task";

    public static IReadOnlyList<string> Parse(string list)
    {
        var engines = list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToArray();
        return engines.Length > 0 && engines.All(e => e is Embedded or DurableTask)
            ? engines
            : throw new ArgumentException($"--engines takes '{Embedded}', '{DurableTask}' or both, comma-separated.");
    }
}
