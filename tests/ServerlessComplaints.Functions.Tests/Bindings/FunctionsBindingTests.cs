using System.Reflection;
using System.Text.Json;
using Microsoft.Azure.Functions.Worker;
using ServerlessComplaints.Durable;
using ServerlessComplaints.Functions.Triggers;
using ServerlessComplaints.Workflow.Activities;
using ServerlessComplaints.Workflow.Api;
using ServerlessComplaints.Workflow.Lifecycle;
using ServerlessComplaints.Workflow.Lifecycle.Events;
using ServerlessComplaints.Workflow.Orchestration;

namespace ServerlessComplaints.Functions.Tests.Bindings;

/// <summary>The Functions app's bindings as the host will index them: from the built functions.metadata, not from source.</summary>
public class FunctionsBindingTests
{
    private static readonly Assembly App = typeof(ComplaintOrchestration).Assembly;

    [Fact]
    public void Metadata_EveryFunctionMethodOfTheBuiltApp_ListedUnderItsNameAndNothingElse()
    {
        var methods = App.GetTypes().SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Select(m => (Method: m, Attribute: m.GetCustomAttribute<FunctionAttribute>()))
            .Where(m => m.Attribute is not null)
            .ToDictionary(m => m.Attribute!.Name, m => $"{m.Method.DeclaringType!.FullName}.{m.Method.Name}");

        var listed = FunctionsMetadata.Functions.ToDictionary(f => f.Name, f => f.EntryPoint);

        Assert.NotEmpty(listed);
        Assert.Equal(methods.OrderBy(m => m.Key), listed.OrderBy(f => f.Key));
    }

    [Fact]
    public void ActivityTriggers_EveryWorkflowActivityPlusTheFailureRecord_NothingElse()
    {
        var bound = FunctionsMetadata.Functions.Where(f => f.Trigger.Type == "activityTrigger").Select(f => f.Name);

        Assert.Equal(ComplaintTasks.Activities.Keys.Order(), bound.Order());
        Assert.Equal(ComplaintActivities.All.Keys.Append(RecordFailedCase.Name).Order(), ComplaintTasks.Activities.Keys.Order());
    }

    [Fact]
    public void ActivityTriggers_TakeAndReturnTheWorkflowActivitysTypes()
    {
        Assert.All(ComplaintActivities.All, activity =>
        {
            var types = activity.Value.BaseType!.GetGenericArguments();
            var method = EntryPoint(FunctionsMetadata.Named(activity.Key));
            var trigger = method.GetParameters().Single(p => p.GetCustomAttribute<ActivityTriggerAttribute>() is not null);

            Assert.Equal(typeof(WorkflowActivity<,>), activity.Value.BaseType.GetGenericTypeDefinition());
            Assert.Equal(types[0], trigger.ParameterType);
            Assert.Equal(typeof(Task<>).MakeGenericType(types[1]), method.ReturnType);
        });
    }

    [Fact]
    public void Orchestrator_IsBoundUnderTheWorkflowName_ToTheTrigger()
    {
        var orchestrator = FunctionsMetadata.Named(ComplaintWorkflow.Name);

        Assert.Equal("orchestrationTrigger", orchestrator.Trigger.Type);
        Assert.Equal(typeof(ComplaintOrchestration).GetMethod(nameof(ComplaintOrchestration.RunAsync)), EntryPoint(orchestrator));
        Assert.Single(FunctionsMetadata.Functions, f => f.Trigger.Type == "orchestrationTrigger");
    }

    [Fact]
    public void RetentionSweep_RunsDailyAt3OnATimerTrigger()
    {
        var trigger = FunctionsMetadata.Named("RetentionSweep").Trigger;

        Assert.Equal("timerTrigger", trigger.Type);
        Assert.Equal("0 0 3 * * *", trigger.Schedule);
    }

    [Theory]
    [InlineData("post", "api/complaints")]
    [InlineData("get", "api/complaints/{trackingNumber}")]
    [InlineData("get", "api/staff/complaints")]
    [InlineData("post", "api/staff/complaints")]
    [InlineData("get", "api/staff/complaints/{trackingNumber}")]
    [InlineData("post", "api/staff/complaints/{trackingNumber}/{action}")]
    [InlineData("get", "actions/{token}")]
    [InlineData("post", "actions/{token}")]
    [InlineData("get", "healthz")]
    [InlineData("get", "status/{trackingNumber}")]
    [InlineData("post", "api/inbound-email")]
    public void HttpTrigger_Route_IsListed(string method, string route)
    {
        var routes = FunctionsMetadata.Functions.Select(f => f.Trigger).Where(t => t.Type == "httpTrigger")
            .SelectMany(t => (t.Methods ?? []).Select(m => (Method: m, t.Route)));

        Assert.Contains((method, route), routes);
    }

    [Fact]
    public void EveryWorkflowEvent_IsRaisedByAStaffAction()
    {
        var events = typeof(WorkflowEvents).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetRawConstantValue()!);

        Assert.Equal(events.Order(), StaffActionsCatalog.EventNames().Order());
    }

    [Fact]
    public void HostJson_OfTheBuiltApp_KeepsRoutesWithoutPrefix()
    {
        using var hostJson = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "host.json")));

        Assert.Equal("", hostJson.RootElement.GetProperty("extensions").GetProperty("http").GetProperty("routePrefix").GetString());
    }

    private static MethodInfo EntryPoint(FunctionDefinition function)
    {
        var split = function.EntryPoint.LastIndexOf('.');
        var type = App.GetType(function.EntryPoint[..split], throwOnError: true)!;
        return type.GetMethod(function.EntryPoint[(split + 1)..]) ?? throw new MissingMethodException(type.FullName, function.EntryPoint[(split + 1)..]);
    }
}
