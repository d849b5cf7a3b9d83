using Microsoft.Playwright;
using ServerlessComplaints.Browser.Tests.Hosting;
using ServerlessComplaints.Browser.Tests.Pages;
using Xunit.Abstractions;

namespace ServerlessComplaints.Browser.Tests;

/// <summary>
/// The page a customer sees when the service fails (a bug: 500; storage down: 503), in the browser's language, on a
/// 390 px phone and a desktop: what happened and what to do, a way back to the form, no internals. The route table
/// runs on its own Kestrel over a case store that throws (<see cref="FailingService"/>).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ErrorPageTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserPageTest(fixture, output)
{
    private const string Internal = "internal detail: the partition key was null";

    [Theory]
    [InlineData("zh-CN", "phone", 500, "系统出现问题", "我们这边出现了问题")]
    [InlineData("en", "phone", 500, "Something went wrong", "Something went wrong on our side")]
    [InlineData("zh-CN", "phone", 503, "服务暂时不可用", "未做任何更改")]
    [InlineData("en", "desktop", 503, "Temporarily unavailable", "nothing was changed")]
    public async Task StatusPage_ServiceFails_ErrorPageInTheBrowsersLanguageWithoutInternals(string code, string screenName, int status, string heading, string message)
    {
        var (language, screen) = (CustomerLanguage.Of(code), Screen.Of(screenName));
        await using var service = await FailingService.StartAsync(() => status == 503 ? new TimeoutException(Internal) : new InvalidOperationException(Internal));
        var page = await OpenBrowserAsync(language, screen);

        var response = await page.GotoAsync($"{service.BaseUrl}/status/CMP-20261123-7K3Q9Z?t=some-token");

        Assert.Equal(status, response!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(heading);
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync(message);
        Assert.Equal(code, await page.Locator("html").GetAttributeAsync("lang"));
        Assert.DoesNotContain(Internal, await page.ContentAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", await page.ContentAsync(), StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("#form-link")).ToHaveAttributeAsync("href", $"/?lang={code}");
        await Layout.AssertNoSidewaysScrollAsync(page);
        await ScreenshotAndScanAsync(page, $"error-{status}-{code}-{screenName}");
    }
}
