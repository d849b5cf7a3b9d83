using ServerlessComplaints.Functions.Hosting;
using ServerlessComplaints.Functions.Tests.Hardening;
using ServerlessComplaints.Web.Staff;

namespace ServerlessComplaints.Functions.Tests.Identity;

/// <summary>
/// The staff routes as the Functions host calls them. Sign-in is decided before Durable is touched, so these pass no
/// Durable client (null); the queue reads the in-memory store only.
/// </summary>
public sealed class StaffFunctionsSignInTests : IDisposable
{
    private readonly TestTenant _tenant = new();

    [Fact]
    public async Task QueueAsync_StaffSignInNotConfigured_Answers503ProblemNamingTheSetting()
    {
        using var app = App(TestTenant.NotConfigured);
        var request = Bearer(app, _tenant.Token("gao.feng@example.cn"));

        await app.Functions.StaffQueue(request, null!);

        Assert.Equal(StaffSignIn.NotConfiguredTitle, PublicFunctions.ProblemTitle(request, 503));
    }

    [Fact]
    public async Task ActAsync_ForgedPrincipalHeaderOfTheCentreHead_Answers401()
    {
        using var app = App(TestTenant.Configured);
        var request = app.Request("POST", route: [("trackingNumber", "CMP-20261201-0001"), ("action", "terminate")]);
        foreach (var header in TestTenant.ForgedPrincipalRequest("gao.feng@example.cn").Headers)
        {
            request.Headers[header.Key] = header.Value;
        }

        await app.Functions.StaffCaseAction(request, null!);

        PublicFunctions.ProblemTitle(request, 401);
        Assert.Equal("Bearer", request.HttpContext.Response.Headers.WWWAuthenticate.ToString());
    }

    [Fact]
    public async Task DetailAsync_TokenOfSomeoneOutsideTheDirectory_Answers403()
    {
        using var app = App(TestTenant.Configured);
        var request = Bearer(app, _tenant.Token("visitor@example.cn"), ("trackingNumber", "CMP-20261201-0001"));

        await app.Functions.StaffCaseDetail(request, null!);

        PublicFunctions.ProblemTitle(request, 403);
    }

    [Fact]
    public async Task QueueAsync_ValidTokenOfDirectoryMember_ListsTheQueue()
    {
        using var app = App(TestTenant.Configured);
        var request = Bearer(app, _tenant.Token("zhang.wei@example.cn"));

        await app.Functions.StaffQueue(request, null!);

        Assert.Equal(200, request.HttpContext.Response.StatusCode);
        Assert.Equal("[]", PublicFunctions.Body(request));
    }

    public void Dispose() => _tenant.Dispose();

    private PublicFunctions App(StaffIdentityOptions options) => new(staffSignIn: _tenant.Authenticator(options));

    private static Microsoft.AspNetCore.Http.HttpRequest Bearer(PublicFunctions app, string token, params (string Name, string Value)[] route)
    {
        var request = app.Request(route: route);
        request.Headers.Authorization = "Bearer " + token;
        return request;
    }
}
