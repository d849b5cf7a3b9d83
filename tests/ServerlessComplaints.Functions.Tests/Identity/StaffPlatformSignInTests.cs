using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using ServerlessComplaints.Functions.Hosting;
using ServerlessComplaints.Functions.Tests.Hardening;
using ServerlessComplaints.Web.Staff;

namespace ServerlessComplaints.Functions.Tests.Identity;

/// <summary>
/// The staff pages' sign-in in the Functions app: App Service authentication signs the person in, then its forwarded
/// ID token (X-MS-TOKEN-AAD-ID-TOKEN, signed here by the test tenant's key) is validated and the staff session issued.
/// The app is composed with <see cref="StaffIdentityServices.AddStaffIdentity"/> as Program.cs does.
/// </summary>
public sealed class StaffPlatformSignInTests : IDisposable
{
    private readonly TestTenant _tenant = new();

    [Fact]
    public async Task SignInPage_EntraConfigured_OffersTheOrganisationAccountAndNoKey()
    {
        using var app = App();
        var request = app.Request(query: "?lang=en&returnUrl=%2Fstaff%3Flang%3Den");

        await app.Functions.StaffSignInPage(request, null!);
        var html = PublicFunctions.Body(request);

        Assert.Equal(200, request.HttpContext.Response.StatusCode);
        Assert.Contains("href=\"/staff/sign-in/organisation?lang=en&amp;returnUrl=%2Fstaff%3Flang%3Den\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"staff-key\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OrganisationSignIn_EntraConfigured_RedirectsToAppServiceLoginThenThePlatformRoute()
    {
        using var app = App();
        var request = app.Request(query: "?lang=en&returnUrl=%2Fstaff%2Fcases%2FCMP-1%3Flang%3Den");

        await app.Functions.StaffOrganisationSignIn(request, null!);
        var location = request.HttpContext.Response.Headers.Location.ToString();

        Assert.Equal(302, request.HttpContext.Response.StatusCode);
        Assert.StartsWith("/.auth/login/aad?post_login_redirect_uri=", location, StringComparison.Ordinal);
        Assert.Equal("/staff/sign-in/platform?lang=en&returnUrl=%2Fstaff%2Fcases%2FCMP-1%3Flang%3Den", Uri.UnescapeDataString(location[(location.IndexOf('=', StringComparison.Ordinal) + 1)..]));
    }

    [Fact]
    public async Task PlatformSignIn_ForwardedIdTokenOfDirectoryMember_SessionCookieThenTheReturnPath()
    {
        using var app = App();
        var request = app.Request(query: "?lang=en&returnUrl=%2Fstaff%3Flang%3Den");
        request.Headers[EntraStaffAuthenticator.IdTokenHeader] = _tenant.Token("li.na@example.cn");

        await app.Functions.StaffPlatformSignIn(request, null!);
        var home = WithSessionOf(app, request.HttpContext.Response);
        await app.Functions.StaffQueuePage(home, null!);

        Assert.Equal(303, request.HttpContext.Response.StatusCode);
        Assert.Equal("/staff?lang=en", request.HttpContext.Response.Headers.Location.ToString());
        Assert.Equal(200, home.HttpContext.Response.StatusCode);
        Assert.Contains("Signed in as 李娜 (manager)", PublicFunctions.Body(home), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PlatformSignIn_ForgedPrincipalHeaderOnly_401Page_NoSession()
    {
        using var app = App();
        var request = app.Request(query: "?lang=en");
        foreach (var header in TestTenant.ForgedPrincipalRequest("gao.feng@example.cn").Headers)
        {
            request.Headers[header.Key] = header.Value;
        }

        await app.Functions.StaffPlatformSignIn(request, null!);

        Assert.Equal(401, request.HttpContext.Response.StatusCode);
        Assert.Contains("organisation sign-in was not accepted", PublicFunctions.Body(request), StringComparison.Ordinal);
        Assert.DoesNotContain(request.HttpContext.Response.Headers.SetCookie, c => c!.StartsWith(StaffSessions.CookieName + "=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PlatformSignIn_TokenForAnotherApp_401_NoSession()
    {
        using var app = App();
        var request = app.Request(query: "?lang=en");
        request.Headers[EntraStaffAuthenticator.IdTokenHeader] = _tenant.Token("li.na@example.cn", d => d.Audience = "another-app");

        await app.Functions.StaffPlatformSignIn(request, null!);

        Assert.Equal(401, request.HttpContext.Response.StatusCode);
        Assert.DoesNotContain(request.HttpContext.Response.Headers.SetCookie, c => c!.StartsWith(StaffSessions.CookieName + "=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PlatformSignIn_TokenOfSomeoneOutsideTheDirectory_403PageInChinese()
    {
        using var app = App();
        var request = app.Request(query: "?lang=zh-CN");
        request.Headers[EntraStaffAuthenticator.IdTokenHeader] = _tenant.Token("visitor@example.cn");

        await app.Functions.StaffPlatformSignIn(request, null!);

        Assert.Equal(403, request.HttpContext.Response.StatusCode);
        Assert.Contains("不在员工名录中", PublicFunctions.Body(request), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PlatformSignIn_StaffIdentityNotConfigured_404_AndThePageSaysSignInIsNotSetUp()
    {
        using var app = App(configured: false);
        var platform = app.Request(query: "?lang=en");
        platform.Headers[EntraStaffAuthenticator.IdTokenHeader] = _tenant.Token("li.na@example.cn");
        var page = app.Request(query: "?lang=en");

        await app.Functions.StaffPlatformSignIn(platform, null!);
        await app.Functions.StaffSignInPage(page, null!);

        Assert.Equal(404, platform.HttpContext.Response.StatusCode);
        Assert.Contains("Staff sign-in is not set up on this service yet", PublicFunctions.Body(page), StringComparison.Ordinal);
    }

    public void Dispose() => _tenant.Dispose();

    private PublicFunctions App(bool configured = true) => new(configure: services =>
    {
        var settings = configured
            ? new Dictionary<string, string?> { ["StaffIdentity:TenantId"] = TestTenant.TenantId, ["StaffIdentity:ClientId"] = TestTenant.ClientId }
            : [];
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddSingleton<IHostEnvironment>(new HostingEnvironment { EnvironmentName = Environments.Production });
        services.AddStaffIdentity();
        services.AddSingleton<IConfigurationManager<OpenIdConnectConfiguration>>(new StaticConfigurationManager<OpenIdConnectConfiguration>(_tenant.Metadata));
    });

    /// <summary>A next request of the same browser: the session cookie the answer set.</summary>
    private static HttpRequest WithSessionOf(PublicFunctions app, HttpResponse answer)
    {
        var cookie = answer.Headers.SetCookie.Select(c => c!).Single(c => c.StartsWith(StaffSessions.CookieName + "=", StringComparison.Ordinal));
        var request = app.Request(query: "?lang=en");
        request.Headers.Cookie = cookie[..cookie.IndexOf(';', StringComparison.Ordinal)];
        return request;
    }
}
