using ServerlessComplaints.Web.Routing;

namespace ServerlessComplaints.Functions.Tests.Bindings;

/// <summary>
/// Both hosts serve one web surface: the built Functions app's HTTP triggers (its functions.metadata, what the host
/// indexes) against the Web project's route table, which LocalHost maps as it is. A route served by one host and not
/// the other fails here.
/// </summary>
public class RouteParityTests
{
    [Fact]
    public void HttpTriggers_OfTheBuiltApp_AreTheRouteTable_ByNameTemplateAndMethods()
    {
        var functions = FunctionsMetadata.Functions.Where(f => f.Trigger.Type == "httpTrigger")
            .Select(f => Describe(f.Name, f.Trigger.Route ?? "", f.Trigger.Methods ?? []));
        var table = ComplaintCentreRoutes.All.Select(r => Describe(r.Name, r.Template, r.Methods));

        var onlyInFunctions = functions.Except(table).ToList();
        var onlyInTable = table.Except(functions).ToList();

        Assert.True(onlyInFunctions.Count == 0 && onlyInTable.Count == 0,
            $"Served by the Functions app only: [{string.Join("; ", onlyInFunctions)}]; by the route table (LocalHost) only: [{string.Join("; ", onlyInTable)}].");
    }

    [Theory]
    [InlineData("GET", "/")]
    [InlineData("GET", "/evidence/{token}")]
    [InlineData("POST", "/api/complaints")]
    [InlineData("GET", "/api/staff/complaints")]
    public void RouteTable_TheRoutesTheIssueNamed_AreInIt(string method, string path)
    {
        var template = path == "/" ? RouteTemplates.Root : path.TrimStart('/');

        Assert.Contains(ComplaintCentreRoutes.All, r => r.Template == template && r.Allows(method));
    }

    [Fact]
    public void RouteTable_NamesAndMethodTemplatePairs_AreUnique()
    {
        Assert.Equal(ComplaintCentreRoutes.All.Count, ComplaintCentreRoutes.All.Select(r => r.Name).Distinct().Count());
        var pairs = ComplaintCentreRoutes.All.SelectMany(r => r.Methods.Select(m => (m, r.Template))).ToList();
        Assert.Equal(pairs.Count, pairs.Distinct().Count());
    }

    private static string Describe(string name, string template, IEnumerable<string> methods) =>
        $"{name} {string.Join(",", methods.Select(m => m.ToUpperInvariant()).Order(StringComparer.Ordinal))} {template}";
}
