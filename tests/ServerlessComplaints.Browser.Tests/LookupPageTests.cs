using System.Text.RegularExpressions;
using Microsoft.Playwright;
using ServerlessComplaints.Browser.Tests.Hosting;
using ServerlessComplaints.Browser.Tests.Pages;
using Xunit.Abstractions;

namespace ServerlessComplaints.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed partial class LookupPageTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserPageTest(fixture, output)
{
    [Theory]
    [InlineData("zh-CN", "desktop")]
    [InlineData("zh-CN", "phone")]
    [InlineData("en", "desktop")]
    [InlineData("en", "phone")]
    public async Task LostStatusMail_LookUpByTrackingNumberAndEmail_TheLinkArrivesByMailAndOpensTheStatusPage(string code, string screenName)
    {
        var (language, screen) = (CustomerLanguage.Of(code), Screen.Of(screenName));
        var filed = await FiledCase.FileAsync(Fixture, language);
        var email = filed.Acknowledgement.To;
        var page = await OpenBrowserAsync(language, screen);

        var lookup = await StatusLookupPage.OpenAsync(page, language);
        await Assertions.Expect(lookup.Heading).ToHaveTextAsync(lookup.Words.Heading);
        Assert.Equal(code, await page.Locator("html").GetAttributeAsync("lang"));
        await Layout.AssertNoSidewaysScrollAsync(page);
        await ScreenshotAndScanAsync(page, $"lookup-{code}-{screenName}");

        // A slip first: no tracking number, half an address. The form comes back with both errors and the address kept.
        await lookup.AskForTheLinkAsync("", email[..(email.IndexOf('@', StringComparison.Ordinal) + 1)]);
        await Assertions.Expect(lookup.Alert).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText(lookup.Words.TrackingNumberRequired)).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText(lookup.Words.EmailInvalid)).ToBeVisibleAsync();
        await Assertions.Expect(lookup.Email).ToHaveValueAsync(email[..(email.IndexOf('@', StringComparison.Ordinal) + 1)]);
        await Assertions.Expect(lookup.TrackingNumber).ToBeFocusedAsync();
        await Layout.AssertNoSidewaysScrollAsync(page);
        await ScreenshotAndScanAsync(page, $"lookup-errors-{code}-{screenName}");

        // Then as read off the acknowledgement on a phone: lowercase, the address in capitals.
        await lookup.AskForTheLinkAsync(filed.TrackingNumber.ToLowerInvariant(), email.ToUpperInvariant());
        await Assertions.Expect(lookup.Heading).ToHaveTextAsync(lookup.Words.SentHeading);
        await Assertions.Expect(page.GetByText(lookup.Words.Sent)).ToBeVisibleAsync();
        Assert.DoesNotContain("/status/", await page.ContentAsync(), StringComparison.Ordinal);
        await Layout.AssertNoSidewaysScrollAsync(page);
        await ScreenshotAndScanAsync(page, $"lookup-sent-{code}-{screenName}");

        var mail = await Fixture.WaitForMailAsync(filed.TrackingNumber, "statuslink");
        Assert.Equal(email, mail.To);
        var link = StatusUrl().Match(mail.Text).Value;
        Assert.Equal(filed.StatusLink, link);
        var status = await StatusPage.OpenAsync(page, link);
        await Assertions.Expect(status.Heading).ToContainTextAsync(filed.TrackingNumber);
    }

    [GeneratedRegex(@"http://[^\s""<>]+/status/[^\s""<>]+")]
    private static partial Regex StatusUrl();
}
