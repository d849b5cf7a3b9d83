using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using ServerlessComplaints.Functions.Hosting;
using ServerlessComplaints.Functions.Http;
using ServerlessComplaints.Workflow.Api;
using ServerlessComplaints.Workflow.Orchestration;
using ServerlessComplaints.Workflow.Setup;

namespace ServerlessComplaints.Functions.Tests.Identity;

/// <summary>
/// The staff routes as the Functions host calls them. Sign-in is decided before Durable is touched, so these pass no
/// Durable client (null); the queue reads the in-memory store only.
/// </summary>
public sealed class StaffFunctionsSignInTests : IDisposable
{
    private readonly TestTenant _tenant = new();
    private readonly ServiceProvider _services = new ServiceCollection()
        .AddComplaintWorkflow(new ComplaintCentreSettings())
        .AddLogging()
        .AddInMemoryCaseStores()
        .AddSingleton<IWorkflowClient, UnreachableWorkflowClient>()
        .BuildServiceProvider();

    [Fact]
    public async Task QueueAsync_StaffSignInNotConfigured_Answers503ProblemNamingTheSetting()
    {
        var functions = Functions(TestTenant.NotConfigured);

        var result = await functions.QueueAsync(TestTenant.BearerRequest(_tenant.Token("gao.feng@example.cn")), null!);

        var problem = AssertProblem(result, 503);
        Assert.Equal(StaffSignIn.NotConfiguredTitle, problem.Title);
    }

    [Fact]
    public async Task ActAsync_ForgedPrincipalHeaderOfTheCentreHead_Answers401()
    {
        var functions = Functions(TestTenant.Configured);
        var request = TestTenant.ForgedPrincipalRequest("gao.feng@example.cn");

        var result = await functions.ActAsync(request, "CMP-20261201-0001", "terminate", null!);

        AssertProblem(result, 401);
        Assert.Equal("Bearer", request.HttpContext.Response.Headers.WWWAuthenticate.ToString());
    }

    [Fact]
    public async Task DetailAsync_TokenOfSomeoneOutsideTheDirectory_Answers403()
    {
        var functions = Functions(TestTenant.Configured);

        var result = await functions.DetailAsync(TestTenant.BearerRequest(_tenant.Token("visitor@example.cn")), "CMP-20261201-0001", null!);

        AssertProblem(result, 403);
    }

    [Fact]
    public async Task QueueAsync_ValidTokenOfDirectoryMember_ListsTheQueue()
    {
        var functions = Functions(TestTenant.Configured);

        var result = await functions.QueueAsync(TestTenant.BearerRequest(_tenant.Token("zhang.wei@example.cn")), null!);

        var ok = Assert.IsType<ObjectResult>(result);
        Assert.Equal(200, ok.StatusCode);
    }

    public void Dispose()
    {
        _services.Dispose();
        _tenant.Dispose();
    }

    private StaffFunctions Functions(StaffIdentityOptions options) =>
        new(_services.GetRequiredService<StaffHandler>(), _tenant.Authenticator(options), TimeProvider.System);

    private static ProblemBody AssertProblem(IActionResult result, int status)
    {
        var objectResult = Assert.IsType<ObjectResult>(result);
        var problem = Assert.IsType<ProblemBody>(objectResult.Value);
        Assert.Equal(status, objectResult.StatusCode);
        Assert.Equal(status, problem.Status);
        Assert.Contains("application/problem+json", objectResult.ContentTypes);
        return problem;
    }
}
