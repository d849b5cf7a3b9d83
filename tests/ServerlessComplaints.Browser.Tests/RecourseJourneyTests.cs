using System.Text.RegularExpressions;
using Microsoft.Playwright;
using ServerlessComplaints.Browser.Tests.Hosting;
using ServerlessComplaints.Browser.Tests.Pages;
using Xunit.Abstractions;

namespace ServerlessComplaints.Browser.Tests;

/// <summary>
/// The customer's recourse and answers in Chromium: the status page at each stage (no deadline once closed), a
/// message with a second photo, a request for a manager's review, an offer and a survey with nothing preselected
/// (the survey answered with the keyboard), and a withdrawal.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class RecourseJourneyTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserPageTest(fixture, output)
{
    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    private static (string Done, string Review, string Closed, string VerySatisfied) Words(string code) => code == "zh-CN"
        ? ("您的留言已加入案件", "您的请求已记录", "您的案件已结案", "非常满意")
        : ("Your message has been added to the case", "Your request has been recorded", "Your case is closed.", "very satisfied");

    [Theory]
    [InlineData("zh-CN", "desktop")]
    [InlineData("zh-CN", "phone")]
    [InlineData("en", "desktop")]
    [InlineData("en", "phone")]
    public async Task StatusPage_AddMessageWithASecondPhoto_ThenAskForAReview(string code, string screenName)
    {
        var (language, screen) = (CustomerLanguage.Of(code), Screen.Of(screenName));
        var words = Words(code);
        var filed = await FiledCase.FileAsync(Fixture, language);
        var page = await OpenBrowserAsync(language, screen);

        await StatusPage.OpenAsync(page, filed.StatusLink);
        await Assertions.Expect(page.Locator("#deadline")).ToContainTextAsync("UTC+8");
        await Assertions.Expect(page.Locator("#external-recourse")).ToContainTextAsync("12315");
        await Layout.AssertNoSidewaysScrollAsync(page);
        await ScreenshotAndScanAsync(page, $"status-open-{code}-{screenName}");

        await page.Locator("#message").FillAsync(code == "zh-CN" ? "补充：指示灯也不亮，见第二张照片。" : "Also: the light does not come on, see the second photo.");
        await page.Locator("#recourse-evidence").SetInputFilesAsync(new FilePayload { Name = "second-photo.png", MimeType = "image/png", Buffer = Png });
        await page.Locator("#message-submit").ClickAsync();
        await Assertions.Expect(page.Locator("#message")).ToContainTextAsync(words.Done);
        await ScreenshotAndScanAsync(page, $"recourse-done-{code}-{screenName}");

        await page.Locator("#back").ClickAsync();
        await Assertions.Expect(page.Locator("#evidence")).ToContainTextAsync("second-photo.png");
        await page.Locator("#reason").FillAsync(code == "zh-CN" ? "一周没有进展。" : "No progress for a week.");
        await page.Locator("#review-submit").ClickAsync();
        await Assertions.Expect(page.Locator("#message")).ToContainTextAsync(words.Review);
        await Fixture.WaitForMailAsync(filed.TrackingNumber, "escalationrequested");
    }

    [Theory]
    [InlineData("zh-CN", "desktop")]
    [InlineData("en", "phone")]
    public async Task OfferAndSurvey_NothingPreselected_SurveyByKeyboard_StatusPageClosedWithoutADeadline(string code, string screenName)
    {
        var (language, screen) = (CustomerLanguage.Of(code), Screen.Of(screenName));
        var words = Words(code);
        var filed = await FiledCase.FileAsync(Fixture, language);
        await PostFormAsync(filed.FindingsLink, ("rootCause", "加热盘缺陷"), ("responsibleParty", "company"), ("facts", "同批次问题"),
            ("remedy.type", "exchange"), ("remedy.amount", "0"), ("remedy.description", "更换新机"));
        var page = await OpenBrowserAsync(language, screen);

        // The offer: the status page gives the customer's answer window; the offer page preselects nothing.
        var offer = await Fixture.WaitForMailAsync(filed.TrackingNumber, "offer");
        await StatusPage.OpenAsync(page, filed.StatusLink);
        await Assertions.Expect(page.Locator("#deadline")).ToBeVisibleAsync();
        await ScreenshotAndScanAsync(page, $"status-offer-{code}-{screenName}");
        await page.GotoAsync(ActionLink(offer.Text));
        await Assertions.Expect(page.Locator("input[name=decision]:checked")).ToHaveCountAsync(0);
        await ScreenshotAndScanAsync(page, $"offer-{code}-{screenName}");
        await page.Locator("#decision-accept").CheckAsync();
        await page.Locator("form button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("#message.ok")).ToBeVisibleAsync();

        var execution = await Fixture.WaitForMailAsync(filed.TrackingNumber, "executionrequest");
        await PostFormAsync(ActionLink(execution.Text), ("reference", "EX-88231"));

        // The survey: labelled scale, nothing preselected, answered with the keyboard alone.
        var survey = await Fixture.WaitForMailAsync(filed.TrackingNumber, "survey");
        await page.GotoAsync(ActionLink(survey.Text));
        await Assertions.Expect(page.Locator("input[name=rating]:checked")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#rating")).ToContainTextAsync(words.VerySatisfied);
        await ScreenshotAndScanAsync(page, $"survey-{code}-{screenName}");
        await page.Locator("#rating-1").FocusAsync();
        await page.Keyboard.PressAsync("Space");
        for (var i = 0; i < 3; i++)
        {
            await page.Keyboard.PressAsync("ArrowRight");
        }

        await Assertions.Expect(page.Locator("#rating-4")).ToBeCheckedAsync();
        await page.Locator("form button[type=submit]").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#message.ok")).ToBeVisibleAsync();

        // Closed: the outcome, no deadline, no forms.
        await Fixture.WaitForMailAsync(filed.TrackingNumber, "closure");
        await StatusPage.OpenAsync(page, filed.StatusLink);
        await Assertions.Expect(page.Locator("#outcome")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#next")).ToContainTextAsync(words.Closed);
        await Assertions.Expect(page.Locator("#deadline")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("form")).ToHaveCountAsync(0);
        await ScreenshotAndScanAsync(page, $"status-closed-{code}-{screenName}");
    }

    [Theory]
    [InlineData("zh-CN", "phone")]
    [InlineData("en", "desktop")]
    public async Task Withdraw_AfterConfirming_TheCaseIsClosedAsWithdrawn(string code, string screenName)
    {
        var (language, screen) = (CustomerLanguage.Of(code), Screen.Of(screenName));
        var filed = await FiledCase.FileAsync(Fixture, language);
        var page = await OpenBrowserAsync(language, screen);
        await StatusPage.OpenAsync(page, filed.StatusLink);

        await page.Locator("#withdraw-submit").ClickAsync();
        await Assertions.Expect(page.Locator("#confirm-error")).ToBeVisibleAsync();
        await ScreenshotAndScanAsync(page, $"withdraw-refused-{code}-{screenName}");
        await page.Locator("#confirm").CheckAsync();
        await page.Locator("#withdraw-submit").ClickAsync();
        await page.Locator("#back").ClickAsync();

        await Assertions.Expect(page.Locator("#outcome")).ToContainTextAsync(code == "zh-CN" ? "客户已撤回" : "withdrawn by the customer");
        await Assertions.Expect(page.Locator("#deadline")).ToHaveCountAsync(0);
        await ScreenshotAndScanAsync(page, $"status-withdrawn-{code}-{screenName}");
    }

    private async Task PostFormAsync(string actionLink, params (string Key, string Value)[] fields)
    {
        using var content = new FormUrlEncodedContent(fields.Select(f => KeyValuePair.Create(f.Key, f.Value)));
        using var response = await Fixture.Http.PostAsync(actionLink, content);
        Assert.True(response.IsSuccessStatusCode, $"POST {actionLink}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    private static string ActionLink(string mailText) => ActionUrl().Match(mailText) is { Success: true } m ? m.Value
        : throw new InvalidOperationException("No action link in: " + mailText);

    [GeneratedRegex(@"http://[^\s""<>]+/actions/[A-Za-z0-9._\-]+")]
    private static partial Regex ActionUrl();
}
