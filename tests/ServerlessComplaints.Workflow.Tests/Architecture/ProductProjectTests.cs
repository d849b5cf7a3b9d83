using System.Xml.Linq;

namespace ServerlessComplaints.Workflow.Tests.Architecture;

/// <summary>
/// One engine runs every case: the product (functions/) carries no engine of its own and no test code. The
/// deterministic harness lives in tests/ and is referenced by tests only.
/// </summary>
public class ProductProjectTests
{
    [Fact]
    public void ProductProjects_ReferenceNothingUnderTests()
    {
        var functions = Path.Combine(WorkflowDependencyTests.RepositoryRoot(), "functions");
        var projects = ProjectFiles(functions).ToList();

        var offenders = projects
            .SelectMany(project => XDocument.Load(project).Descendants("ProjectReference")
                .Select(reference => (project, include: (string?)reference.Attribute("Include") ?? "")))
            .Where(x => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(x.project)!, x.include.Replace('\\', Path.DirectorySeparatorChar)))
                .StartsWith(Path.Combine(WorkflowDependencyTests.RepositoryRoot(), "tests"), StringComparison.Ordinal))
            .Select(x => $"{Path.GetFileName(x.project)} → {x.include}")
            .ToList();

        Assert.Contains(projects, p => p.EndsWith("ServerlessComplaints.LocalHost.csproj", StringComparison.Ordinal));
        Assert.Empty(offenders);
    }

    [Fact]
    public void ProductFolder_HasNoEmbeddedEngineProject()
    {
        var functions = Path.Combine(WorkflowDependencyTests.RepositoryRoot(), "functions");

        var names = ProjectFiles(functions).Select(Path.GetFileNameWithoutExtension).ToList();

        Assert.Equal(
            ["ServerlessComplaints.Durable", "ServerlessComplaints.Functions", "ServerlessComplaints.LocalHost", "ServerlessComplaints.Web", "ServerlessComplaints.Workflow"],
            names.Order(StringComparer.Ordinal));
    }

    // Build output (the Functions SDK generates a WorkerExtensions project under obj/) is not source.
    private static IEnumerable<string> ProjectFiles(string folder) =>
        Directory.EnumerateFiles(folder, "*.csproj", SearchOption.AllDirectories)
            .Where(p => !p.Split(Path.DirectorySeparatorChar).Any(part => part is "obj" or "bin"));
}
