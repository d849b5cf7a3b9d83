using System.Reflection;

namespace ServerlessComplaints.Infrastructure.Tests;

/// <summary>Paths baked in at build time: the repository root and the Bicep CLI of the NuGet package.</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = Metadata("RepositoryRoot");

    public static string BicepPath { get; } = Metadata("BicepPath");

    public static string PathOf(string relative) => Path.Combine(Root, relative);

    public static string Read(string relative)
    {
        var path = PathOf(relative);
        Assert.True(File.Exists(path), $"{relative} is missing (looked for {path}).");
        return File.ReadAllText(path);
    }

    private static string Metadata(string key)
    {
        var value = typeof(RepositoryFiles).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == key)?.Value;
        return string.IsNullOrWhiteSpace(value)
            ? throw new InvalidOperationException($"Assembly metadata '{key}' is empty: is Azure.Bicep.CommandLine.linux-x64 restored?")
            : value;
    }
}
