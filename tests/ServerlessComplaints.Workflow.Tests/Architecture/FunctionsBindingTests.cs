using System.Reflection;
using System.Text.RegularExpressions;
using ServerlessComplaints.Workflow.Activities;
using ServerlessComplaints.Workflow.Lifecycle.Events;

namespace ServerlessComplaints.Workflow.Tests.Architecture;

// The Functions project cannot compile where its packages are missing, so its bindings are checked over its source.
public partial class FunctionsBindingTests
{
    private static readonly string FunctionsDir = Path.Combine(WorkflowDependencyTests.RepositoryRoot(), "functions", "ServerlessComplaints.Functions");

    private static string Source() => string.Concat(Directory.EnumerateFiles(FunctionsDir, "*.cs", SearchOption.AllDirectories)
        .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
        .Select(File.ReadAllText));

    [Fact]
    public void EveryWorkflowActivity_HasAnActivityTrigger()
    {
        var source = Source();
        var bound = ActivityFunction().Matches(source).Select(m => m.Groups[1].Value).ToHashSet();

        Assert.NotEmpty(bound);
        Assert.Equal(ComplaintActivities.All.Keys.Order(), bound.Order());
    }

    [Fact]
    public void Orchestrator_IsBoundUnderTheWorkflowName()
    {
        Assert.Matches(@"\[Function\(ComplaintWorkflow\.Name\)\]\s*public static Task<WorkflowOutcome> RunAsync\(\[OrchestrationTrigger\] TaskOrchestrationContext", Source());
    }

    [Fact]
    public void EveryWorkflowEvent_IsRaisedByAnActionTheFunctionsAppRoutes()
    {
        var events = typeof(WorkflowEvents).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetRawConstantValue()!).ToList();
        var raised = Api.StaffActionsCatalog.EventNames();
        var source = Source();

        Assert.Equal(events.Order(), raised.Order());
        Assert.Contains("Route = \"api/staff/complaints/{trackingNumber}/{action}\"", source, StringComparison.Ordinal);
        Assert.Contains("Route = \"actions/{token}\"", source, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"post\", Route = \"api/complaints\"")]
    [InlineData("\"get\", Route = \"api/complaints/{trackingNumber}\"")]
    [InlineData("\"get\", Route = \"api/staff/complaints\"")]
    [InlineData("\"post\", Route = \"api/staff/complaints\"")]
    [InlineData("\"get\", Route = \"api/staff/complaints/{trackingNumber}\"")]
    [InlineData("\"get\", Route = \"healthz\"")]
    [InlineData("\"get\", Route = \"status/{trackingNumber}\"")]
    [InlineData("\"post\", Route = \"api/inbound-email\"")]
    [InlineData("[TimerTrigger(\"0 0 3 * * *\")]")]
    public void FunctionsApp_MapsTheRoute(string binding)
    {
        Assert.Contains(binding, Source(), StringComparison.Ordinal);
    }

    [Fact]
    public void HostJson_KeepsRoutesWithoutPrefix()
    {
        var hostJson = File.ReadAllText(Path.Combine(FunctionsDir, "host.json"));

        Assert.Matches("\"routePrefix\":\\s*\"\"", hostJson);
    }

    [GeneratedRegex(@"\[Function\(nameof\((\w+)\)\)\]\s*public [^(]+\(\[ActivityTrigger\]")]
    private static partial Regex ActivityFunction();
}
