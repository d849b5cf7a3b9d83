using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using ServerlessComplaints.LocalHost.Pages;

namespace ServerlessComplaints.Functions.Tests.Hardening;

/// <summary>The Functions app's pages and token-bearing answers carry the same security headers as LocalHost's.</summary>
public sealed class PageHeadersTests : IDisposable
{
    private readonly PublicFunctions _app = new();

    [Fact]
    public async Task StatusPage_AnyAnswer_PageHeadersWithCspNoStoreNoReferrer()
    {
        var request = PublicFunctions.Request(query: "?t=some-status-token");

        var result = await _app.StatusPage.RunAsync(request, "not-a-case", null!);

        Assert.Equal("text/html; charset=utf-8", Assert.IsType<ContentResult>(result).ContentType);
        AssertPageHeaders(request.HttpContext.Response);
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("POST")]
    public async Task ActionLink_InvalidToken_PageHeadersOnTheRefusal(string method)
    {
        var request = PublicFunctions.Request(method);

        var result = await _app.ActionLinks.RunAsync(request, "not-a-token", null!);

        Assert.InRange(Assert.IsType<ContentResult>(result).StatusCode ?? 0, 400, 499);
        AssertPageHeaders(request.HttpContext.Response);
    }

    [Fact]
    public async Task StatusJson_WithToken_NoStoreNosniffNoReferrer()
    {
        var request = PublicFunctions.Request(query: "?t=some-status-token");

        await _app.Complaints.StatusAsync(request, "not-a-case", null!);

        var headers = request.HttpContext.Response.Headers;
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
        Assert.Contains($"style-src '{PageSecurity.Sha256(Html.Style)}'", policy, StringComparison.Ordinal);
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
