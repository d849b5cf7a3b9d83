using Microsoft.Playwright;
using ServerlessComplaints.Browser.Tests.Hosting;
using ServerlessComplaints.Browser.Tests.Pages;
using Xunit.Abstractions;

namespace ServerlessComplaints.Browser.Tests;

/// <summary>A test that opens one browser context (language, screen) and closes it afterwards; screenshots named after it.</summary>
public abstract class BrowserPageTest(BrowserFixture fixture, ITestOutputHelper output) : IAsyncLifetime
{
    private IPage? _page;

    protected BrowserFixture Fixture => fixture;

    protected ITestOutputHelper Output => output;

    protected async Task<IPage> OpenBrowserAsync(CustomerLanguage language, Screen screen) =>
        _page = await fixture.OpenAsync(language, screen);

    /// <summary>Saves a full-page screenshot and scans the page with axe-core; fails on a serious or critical violation.</summary>
    protected async Task ScreenshotAndScanAsync(IPage page, string name)
    {
        var path = await Screenshots.SaveAsync(page, name);
        output.WriteLine($"screenshot: {path}");
        await Accessibility.AxeScan.AssertNoSeriousViolationsAsync(page, name);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_page is not null)
        {
            await _page.Context.CloseAsync();
        }
    }
}
