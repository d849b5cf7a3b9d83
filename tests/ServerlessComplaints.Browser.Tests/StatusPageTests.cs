using ServerlessComplaints.Browser.Tests.Hosting;
using ServerlessComplaints.Browser.Tests.Pages;
using Xunit.Abstractions;

namespace ServerlessComplaints.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class StatusPageTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserPageTest(fixture, output)
{
    [Theory]
    [InlineData("zh-CN", "desktop")]
    [InlineData("zh-CN", "phone")]
    [InlineData("en", "desktop")]
    [InlineData("en", "phone")]
    public async Task OpenFromAcknowledgementMail_InLanguageOnScreen_ShowsTheTrackingNumber(string code, string screenName)
    {
        var (language, screen) = (CustomerLanguage.Of(code), Screen.Of(screenName));
        var filed = await Fixture.FiledCaseAsync(language);
        var page = await OpenBrowserAsync(language, screen);

        var status = await StatusPage.OpenAsync(page, filed.StatusLink);

        await Assertions.Expect(status.Heading).ToContainTextAsync(filed.TrackingNumber);
        Assert.Equal(code, await status.LanguageAsync());
        await Layout.AssertNoSidewaysScrollAsync(page);
        await ScreenshotAndScanAsync(page, $"status-{code}-{screenName}");
    }
}
