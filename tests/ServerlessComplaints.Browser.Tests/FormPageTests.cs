using ServerlessComplaints.Browser.Tests.Hosting;
using ServerlessComplaints.Browser.Tests.Pages;
using Xunit.Abstractions;

namespace ServerlessComplaints.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class FormPageTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserPageTest(fixture, output)
{
    [Theory]
    [InlineData("zh-CN", "desktop")]
    [InlineData("zh-CN", "phone")]
    [InlineData("en", "desktop")]
    [InlineData("en", "phone")]
    public async Task Open_InLanguageOnScreen_ShowsEveryFieldWithNoSeriousAxeViolation(string code, string screenName)
    {
        var (language, screen) = (CustomerLanguage.Of(code), Screen.Of(screenName));
        var page = await OpenBrowserAsync(language, screen);

        var form = await ComplaintFormPage.OpenAsync(page, language);

        await Assertions.Expect(form.Heading).ToContainTextAsync(language.FormHeading);
        foreach (var field in new[] { form.Kind, form.Subject, form.Description, form.Name, form.Email, form.Evidence, form.Submit })
        {
            await Assertions.Expect(field).ToBeVisibleAsync();
        }

        await Layout.AssertNoSidewaysScrollAsync(page);
        await ScreenshotAndScanAsync(page, $"form-{code}-{screenName}");
    }
}
