using System.Text.RegularExpressions;
using ServerlessComplaints.Workflow.Lifecycle;

namespace ServerlessComplaints.Workflow.Tests.Architecture;

public partial class WorkflowDependencyTests
{
    [Fact]
    public void WorkflowAssembly_ReferencesNoHostOrFunctionsPackage()
    {
        var references = typeof(ComplaintWorkflow).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.Contains("Microsoft.Extensions.Logging.Abstractions", references);
        Assert.DoesNotContain(references, name =>
            name.StartsWith("Microsoft.Azure.Functions", StringComparison.Ordinal)
            || name.StartsWith("Microsoft.DurableTask", StringComparison.Ordinal)
            || name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal)
            || name.StartsWith("ServerlessComplaints.Harness", StringComparison.Ordinal));
    }

    // The replay executor catches divergence at run time; this catches the usual causes before a case ever runs.
    [Fact]
    public void OrchestratorSource_UsesNoNonDeterministicApis()
    {
        var folder = Path.Combine(RepositoryRoot(), "functions", "ServerlessComplaints.Workflow", "Lifecycle");
        var offenders = Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .SelectMany(file => File.ReadLines(file).Select((line, i) => (file, line, number: i + 1)))
            .Where(x => ForbiddenInOrchestrators().IsMatch(x.line))
            .Select(x => $"{Path.GetFileName(x.file)}:{x.number}: {x.line.Trim()}")
            .ToList();

        Assert.True(Directory.EnumerateFiles(folder, "*.cs").Any(), "orchestrator source not found");
        Assert.Empty(offenders);
    }

    internal static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ServerlessComplaints.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Repository root not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"DateTime(Offset)?\.(Utc)?Now|Guid\.NewGuid|Task\.Delay|Task\.Run|Thread\.Sleep|Environment\.|ConfigureAwait|CancelAsync|new Random|TimeProvider")]
    private static partial Regex ForbiddenInOrchestrators();
}
