using Microsoft.AspNetCore.Http;
using ServerlessComplaints.Web.Http;
using ServerlessComplaints.Web.Pages;

namespace ServerlessComplaints.Functions.Tests.Hardening;

/// <summary>The Functions app's pages and token-bearing answers carry the same security headers as LocalHost's (one route runner).</summary>
public sealed class PageHeadersTests : IDisposable
{
    private readonly PublicFunctions _app = new();

    [Fact]
    public async Task StatusPage_AnyAnswer_PageHeadersWithCspNoStoreNoReferrer()
    {
        var request = _app.Request(query: "?t=some-status-token", route: ("trackingNumber", "not-a-case"));

        await _app.Functions.StatusPage(request, null!);

        Assert.Equal(404, request.HttpContext.Response.StatusCode);
        Assert.Equal("text/html; charset=utf-8", request.HttpContext.Response.ContentType);
        AssertPageHeaders(request.HttpContext.Response);
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("POST")]
    public async Task ActionLink_InvalidToken_PageHeadersOnTheRefusal(string method)
    {
        var request = _app.Request(method, route: ("token", "not-a-token"));

        await _app.Functions.ActionLink(request, null!);

        Assert.InRange(request.HttpContext.Response.StatusCode, 400, 499);
        Assert.Contains("链接无效", PublicFunctions.Body(request), StringComparison.Ordinal);
        AssertPageHeaders(request.HttpContext.Response);
    }

    [Fact]
    public async Task FormPage_TheSiteRoot_ChineseFormWithTheAppsScriptAndAnEnglishSwitch()
    {
        var request = _app.Request();

        await _app.Functions.FormPage(request, null!);

        var html = PublicFunctions.Body(request);
        Assert.Equal(200, request.HttpContext.Response.StatusCode);
        Assert.Contains("<label for=\"kind\">类型</label>", html, StringComparison.Ordinal);
        Assert.DoesNotContain(">Type<", html, StringComparison.Ordinal);
        Assert.Contains("id=\"lang-switch\" href=\"/?lang=en\"", html, StringComparison.Ordinal);
        Assert.Contains("<script src=\"/assets/form.js\"></script>", html, StringComparison.Ordinal);
        Assert.Contains($"<style>{PageStyle.Css}</style>", html, StringComparison.Ordinal);
        AssertPageHeaders(request.HttpContext.Response);
    }

    [Fact]
    public async Task StatusJson_WithToken_NoStoreNosniffNoReferrer()
    {
        var request = _app.Request(query: "?t=some-status-token", route: ("trackingNumber", "not-a-case"));

        await _app.Functions.GetComplaintStatus(request, null!);

        var headers = request.HttpContext.Response.Headers;
        Assert.Equal(404, request.HttpContext.Response.StatusCode);
        Assert.Equal("no-store", headers.CacheControl.ToString());
        Assert.Equal("nosniff", headers.XContentTypeOptions.ToString());
        Assert.Equal("no-referrer", headers["Referrer-Policy"].ToString());
        Assert.Equal(PageSecurity.ApiPolicy, headers.ContentSecurityPolicy.ToString());
    }

    [Fact]
    public void PagePolicy_Directives_SelfOnlyNoInlineScriptNoFramesStyleByHash()
    {
        var policy = PageSecurity.PagePolicy;

        Assert.Contains("default-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.Contains($"style-src '{PageSecurity.Sha256(PageStyle.Css)}'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", policy, StringComparison.Ordinal);
    }

    public void Dispose() => _app.Dispose();

    private static void AssertPageHeaders(HttpResponse response)
    {
        Assert.Equal(PageSecurity.PagePolicy, response.Headers.ContentSecurityPolicy.ToString());
        Assert.Equal("no-referrer", response.Headers["Referrer-Policy"].ToString());
        Assert.Equal("nosniff", response.Headers.XContentTypeOptions.ToString());
        Assert.Equal("no-store", response.Headers.CacheControl.ToString());
        Assert.Equal("DENY", response.Headers.XFrameOptions.ToString());
    }
}
