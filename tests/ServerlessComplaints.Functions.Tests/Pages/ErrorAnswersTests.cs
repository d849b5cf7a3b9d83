using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using ServerlessComplaints.Functions.Tests.Engines;
using ServerlessComplaints.Functions.Tests.Failures;
using ServerlessComplaints.Functions.Tests.Hardening;
using ServerlessComplaints.Testing.Scenarios;
using ServerlessComplaints.Web.Pages;
using ServerlessComplaints.Workflow.Cases;
using ServerlessComplaints.Workflow.Domain;
using ServerlessComplaints.Workflow.Localization;

namespace ServerlessComplaints.Functions.Tests.Pages;

/// <summary>
/// The Functions app's failures read in the caller's language: a browser on a page route gets a page (500, 503 with
/// Retry-After, 429, 405, a bad evidence link), the API and form.js a problem whose title and detail are the same
/// words; never an exception's text. Requests reach the route table through the app's HTTP triggers, with the real
/// Durable client of DurableTaskTestHost; storage fails through the case store.
/// </summary>
public sealed class ErrorAnswersTests : IAsyncLifetime
{
    private const string ValidTrackingNumber = "CMP-20261123-7K3Q9Z";
    private DurableCaseEngine? _engine;

    [Theory]
    [InlineData("zh-CN,zh;q=0.9", "zh-CN")]
    [InlineData("en-GB,en;q=0.8", "en")]
    public async Task StatusPage_StorageUnreachable_503PageInTheBrowsersLanguageWithRetryAfter(string acceptLanguage, string language)
    {
        using var app = new PublicFunctions(configure: s => s.AddSingleton<IComplaintStore, UnreachableComplaintStore>());
        var request = PageRequest(app, acceptLanguage);

        await app.Functions.StatusPage(request, _engine!.DurableClient);

        var html = PublicFunctions.Body(request);
        Assert.Equal(503, request.HttpContext.Response.StatusCode);
        Assert.Equal("30", request.HttpContext.Response.Headers.RetryAfter.ToString());
        Assert.Equal(language, request.HttpContext.Response.Headers.ContentLanguage.ToString());
        AssertPage(html, language, "Unavailable");
        Assert.DoesNotContain(UnreachableComplaintStore.Error, html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public async Task StatusPage_UnexpectedException_500PageInTheLanguageAskedWithoutInternals(string language)
    {
        using var app = new PublicFunctions(configure: s => s.AddSingleton<IComplaintStore, BrokenComplaintStore>());
        var request = PageRequest(app, acceptLanguage: language == CaseLanguage.English ? "zh-CN" : "en", query: $"?t=x&lang={language}");

        await app.Functions.StatusPage(request, _engine!.DurableClient);

        var html = PublicFunctions.Body(request);
        Assert.Equal(500, request.HttpContext.Response.StatusCode);
        AssertPage(html, language, "Unexpected");
        Assert.DoesNotContain(BrokenComplaintStore.Error, html, StringComparison.Ordinal);
        Assert.DoesNotContain(nameof(InvalidOperationException), html, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ServerlessComplaints", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("zh-CN", "zh-CN")]
    [InlineData("en-US", "en")]
    [InlineData(null, "en")]
    public async Task StatusJson_StorageUnreachable_503ProblemWithTitleAndDetailInAcceptLanguageElseEnglish(string? acceptLanguage, string language)
    {
        using var app = new PublicFunctions(configure: s => s.AddSingleton<IComplaintStore, UnreachableComplaintStore>());
        var request = PageRequest(app, acceptLanguage, accept: "application/json");

        await app.Functions.GetComplaintStatus(request, _engine!.DurableClient);

        var (title, detail) = Problem(request, 503);
        Assert.Equal(Text(language, "Error.Unavailable.Title"), title);
        Assert.Equal(Text(language, "Error.Unavailable.Detail"), detail);
        Assert.Equal("30", request.HttpContext.Response.Headers.RetryAfter.ToString());
    }

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public async Task StatusPage_OverThePublicLimit_429PageInLanguageWithRetryAfter(string language)
    {
        using var app = new PublicFunctions(permitsPerMinute: 1);
        await app.Functions.StatusPage(PageRequest(app, language), null!);
        var limited = PageRequest(app, language);

        await app.Functions.StatusPage(limited, null!);

        var html = PublicFunctions.Body(limited);
        var seconds = limited.HttpContext.Response.Headers.RetryAfter.ToString();
        Assert.Equal(429, limited.HttpContext.Response.StatusCode);
        AssertPage(html, language, "TooManyRequests");
        Assert.Contains(Placeholders.Fill(Text(language, "Error.TooManyRequests.Detail"), new Dictionary<string, string> { ["seconds"] = seconds }, (_, v) => v, l => l), html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StatusJson_OverThePublicLimit_429ProblemInChineseForAChineseClient()
    {
        using var app = new PublicFunctions(permitsPerMinute: 1);
        await app.Functions.GetComplaintStatus(PageRequest(app, "zh-CN"), null!);
        var limited = PageRequest(app, "zh-CN", accept: "application/json");

        await app.Functions.GetComplaintStatus(limited, null!);

        Assert.Equal(Text(CaseLanguage.Chinese, "Error.TooManyRequests.Title"), Problem(limited, 429).Title);
    }

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public async Task FormPage_WrongMethod_405PageInLanguage(string language)
    {
        using var app = new PublicFunctions();
        var request = PageRequest(app, language, method: "PUT");

        await app.Functions.FormPage(request, null!);

        Assert.Equal(405, request.HttpContext.Response.StatusCode);
        AssertPage(PublicFunctions.Body(request), language, "MethodNotAllowed");
    }

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public async Task EvidenceLink_InvalidFromABrowser_404PageInItsLanguage_FromAProgram_Problem(string language)
    {
        using var app = new PublicFunctions();
        var browser = PageRequest(app, language, route: ("token", "not-a-link"));
        var program = PageRequest(app, language, accept: "application/json", route: ("token", "not-a-link"));

        await app.Functions.EvidenceDownload(browser, null!);
        await app.Functions.EvidenceDownload(program, null!);

        Assert.Equal(404, browser.HttpContext.Response.StatusCode);
        AssertPage(PublicFunctions.Body(browser), language, "EvidenceLink");
        Assert.Equal(Text(language, "Error.EvidenceLink.Title"), Problem(program, 404).Title);
    }

    public async Task InitializeAsync() => _engine = await DurableCaseEngine.StartAsync(ScenarioSettings.Create());

    public async Task DisposeAsync()
    {
        if (_engine is not null)
        {
            await _engine.DisposeAsync();
        }
    }

    private static HttpRequest PageRequest(PublicFunctions app, string? acceptLanguage, string accept = "text/html,application/xhtml+xml", string method = "GET", string query = "?t=x", params (string Name, string Value)[] route)
    {
        var request = app.Request(method, query: query, route: route.Length > 0 ? route : [("trackingNumber", ValidTrackingNumber)]);
        request.Headers.Accept = accept;
        if (acceptLanguage is not null)
        {
            request.Headers.AcceptLanguage = acceptLanguage;
        }

        return request;
    }

    // The error page in one language: its title and heading, no word of the other language's version.
    private static void AssertPage(string html, string language, string kind)
    {
        var other = PageLanguage.Other(language);
        Assert.Contains($"<html lang=\"{language}\">", html, StringComparison.Ordinal);
        Assert.Contains($"<h1>{Text(language, $"Error.{kind}.Title")}</h1>", html, StringComparison.Ordinal);
        Assert.DoesNotContain(Text(other, $"Error.{kind}.Title"), html, StringComparison.Ordinal);
        Assert.Contains("role=\"alert\"", html, StringComparison.Ordinal);
        Assert.Empty(PageTextChecks.Problems(PageTextChecks.VisibleText(html), language, []));
    }

    private static (string Title, string? Detail) Problem(HttpRequest request, int status)
    {
        var title = PublicFunctions.ProblemTitle(request, status);
        using var json = JsonDocument.Parse(PublicFunctions.Body(request));
        return (title, json.RootElement.TryGetProperty("detail", out var detail) ? detail.GetString() : null);
    }

    private static string Text(string language, string key) =>
        new ServiceCollection().AddLogging().AddLocalization(o => o.ResourcesPath = "Resources").AddSingleton<PageText>().BuildServiceProvider().GetRequiredService<PageText>().In(language, key);
}
