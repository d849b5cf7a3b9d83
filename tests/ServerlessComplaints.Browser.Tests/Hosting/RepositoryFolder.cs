namespace ServerlessComplaints.Browser.Tests.Hosting;

/// <summary>The repository's folders these tests use: the root (node_modules beside package.json) and where screenshots go.</summary>
internal static class RepositoryFolder
{
    public static string Root { get; } = FindRoot();

    public static string AxeScript => Path.Combine(Root, "node_modules", "axe-core", "axe.min.js");

    /// <summary>Test artefacts: TestResults/screenshots beside the test assembly (BROWSER_SCREENSHOTS overrides it).</summary>
    public static string Screenshots { get; } = Directory.CreateDirectory(
        Environment.GetEnvironmentVariable("BROWSER_SCREENSHOTS") is { Length: > 0 } configured
            ? configured
            : Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots")).FullName;

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ServerlessComplaints.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Repository root not found above " + AppContext.BaseDirectory);
    }
}
