using ServerlessComplaints.Browser.Tests.Hosting;
using ServerlessComplaints.Browser.Tests.Pages;
using Xunit.Abstractions;

namespace ServerlessComplaints.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class ActionLinkPageTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserPageTest(fixture, output)
{
    [Theory]
    [InlineData("zh-CN", "desktop")]
    [InlineData("zh-CN", "phone")]
    [InlineData("en", "desktop")]
    [InlineData("en", "phone")]
    public async Task OpenFindingsLinkFromAssignmentMail_InCaseLanguage_ShowsItsFormWithNoSeriousAxeViolation(string code, string screenName)
    {
        var (language, screen) = (CustomerLanguage.Of(code), Screen.Of(screenName));
        var filed = await Fixture.FiledCaseAsync(language);
        var page = await OpenBrowserAsync(language, screen);

        var action = await ActionLinkPage.OpenAsync(page, filed.FindingsLink, language);

        await Assertions.Expect(action.Heading).ToContainTextAsync(language.CentreName);
        await Assertions.Expect(page.GetByText(filed.TrackingNumber)).ToBeVisibleAsync();
        await Assertions.Expect(action.Submit).ToBeVisibleAsync();
        Assert.Equal(code, await action.LanguageAsync());
        await Layout.AssertNoSidewaysScrollAsync(page);
        await ScreenshotAndScanAsync(page, $"findings-{code}-{screenName}");
    }
}
