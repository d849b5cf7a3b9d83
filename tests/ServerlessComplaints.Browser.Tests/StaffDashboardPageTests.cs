using System.Text.RegularExpressions;
using Microsoft.Playwright;
using ServerlessComplaints.Browser.Tests.Hosting;
using ServerlessComplaints.Browser.Tests.Pages;
using Xunit.Abstractions;

namespace ServerlessComplaints.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class StaffDashboardPageTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserPageTest(fixture, output)
{
    private static readonly string[] Charts =
    [
        "received-per-week", "received-by-kind", "received-by-category", "received-by-location", "open-by-stage", "closed-by-outcome",
        "sla", "time-to-resolve", "escalations", "remedies", "ratings", "root-causes", "responsible-parties",
    ];

    // The centre head signs in, follows "Dashboard" from the queue and sees every figure drawn as a chart (a canvas in
    // each chart's box) over the table of its numbers; then narrows it to a category, the filter kept in the form.
    [Theory]
    [InlineData("zh-CN", "desktop")]
    [InlineData("zh-CN", "phone")]
    [InlineData("en", "desktop")]
    [InlineData("en", "phone")]
    public async Task CentreHead_OpensTheDashboard_EveryChartDrawnOverItsTable(string code, string screenName)
    {
        await DashboardSeed.EnsureAsync(Fixture);
        var (language, screen) = (CustomerLanguage.Of(code), Screen.Of(screenName));
        var page = await OpenBrowserAsync(language, screen);
        var zh = code == "zh-CN";

        await page.GotoAsync($"/staff?lang={code}");
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("高峰") }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = zh ? "统计" : "Dashboard", Exact = true }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(zh ? "统计" : "Dashboard");
        foreach (var chart in Charts)
        {
            await Assertions.Expect(page.Locator($"#chart-{chart} canvas")).ToHaveCountAsync(1);
            await Assertions.Expect(page.Locator($"#table-{chart} tbody tr").First).ToBeAttachedAsync();
        }

        var received = await page.Locator("#table-headline tr[data-key='received'] td").TextContentAsync();
        Assert.True(int.Parse(received!, System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.InvariantCulture) >= 100, $"received: {received}");
        await Layout.AssertNoSidewaysScrollAsync(page);
        await ScreenshotAndScanAsync(page, $"staff-dashboard-{code}-{screenName}");

        await page.GetByLabel(zh ? "类别" : "Category", new() { Exact = true }).SelectOptionAsync("delivery");
        await page.GetByRole(AriaRole.Button, new() { Name = zh ? "筛选" : "Apply", Exact = true }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("category=delivery"));
        await Assertions.Expect(page.Locator("#table-received-by-category tbody tr[data-key='delivery'] td")).Not.ToHaveTextAsync("0");
        await Assertions.Expect(page.Locator("#table-received-by-category tbody tr[data-key='price'] td")).ToHaveTextAsync("0");
    }

    // With the page's real Content-Security-Policy (the other tests bypass it to inject axe-core): ECharts and
    // dashboard.js load from the app, draw, and the browser reports no CSP violation.
    [Fact]
    public async Task Dashboard_UnderItsCsp_ChartsDrawnWithoutViolations()
    {
        await DashboardSeed.EnsureAsync(Fixture);
        var context = await Fixture.Browser.NewContextAsync(new() { BaseURL = Fixture.BaseUrl, Locale = "zh-CN" });
        try
        {
            var page = await context.NewPageAsync();
            var console = new List<string>();
            page.Console += (_, message) => console.Add(message.Text);
            await page.GotoAsync("/staff/sign-in?lang=zh-CN");
            await page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("李娜") }).ClickAsync();

            var response = await page.GotoAsync("/staff/dashboard?lang=zh-CN");

            Assert.Contains("script-src 'self'", response!.Headers["content-security-policy"], StringComparison.Ordinal);
            await Assertions.Expect(page.Locator(".chart[data-drawn='yes']")).ToHaveCountAsync(Charts.Length);
            await Assertions.Expect(page.Locator("#chart-sla canvas")).ToHaveCountAsync(1);
            await page.Locator("#chart-received-per-week").HoverAsync(); // a tooltip, drawn on the canvas
            Assert.DoesNotContain(console, m => m.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase));
        }
        finally
        {
            await context.CloseAsync();
        }
    }
}
