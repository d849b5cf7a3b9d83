using System.Text.RegularExpressions;
using Microsoft.Playwright;
using ServerlessComplaints.Browser.Tests.Hosting;
using ServerlessComplaints.Browser.Tests.Pages;
using Xunit.Abstractions;

namespace ServerlessComplaints.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class StaffQueuePageTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserPageTest(fixture, output)
{
    // A manager asks for the queue, signs in (Development, this computer: one click), lands back on it, opens every
    // department's cases and searches for the filed case by a word of its subject; the row links to the case page.
    [Theory]
    // (zh-CN desktop and en phone: StaffCasePageTests' journey searches "my cases" the same way.)
    [InlineData("zh-CN", "phone", "加热")]
    [InlineData("en", "desktop", "heating")]
    public async Task Manager_SignsInSearchesAllDepartments_FindsTheFiledCase(string code, string screenName, string word)
    {
        var (language, screen) = (CustomerLanguage.Of(code), Screen.Of(screenName));
        var filed = await Fixture.FiledCaseAsync(language);
        var page = await OpenBrowserAsync(language, screen);
        var zh = code == "zh-CN";

        await page.GotoAsync($"/staff?lang={code}");
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("李娜") }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(zh ? "我的案件" : "My cases");
        await page.GetByRole(AriaRole.Link, new() { Name = zh ? "全部部门" : "All departments", Exact = true }).ClickAsync();
        await page.GetByLabel(zh ? "搜索：" : "Search:").FillAsync(word);
        await page.GetByRole(AriaRole.Button, new() { Name = zh ? "搜索" : "Search", Exact = true }).ClickAsync();

        var link = page.GetByRole(AriaRole.Link, new() { Name = filed.TrackingNumber });
        await Assertions.Expect(link).ToHaveAttributeAsync("href", $"/staff/cases/{filed.TrackingNumber}?lang={code}");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(zh ? "全部部门案件" : "All departments' cases");
        await Layout.AssertNoSidewaysScrollAsync(page);
        await ScreenshotAndScanAsync(page, $"staff-queue-{code}-{screenName}");

        // The row opens the case page (the manager may see every department's cases).
        await link.ClickAsync();
        await Assertions.Expect(page.Locator("#tracking-number")).ToHaveTextAsync(filed.TrackingNumber);
        await Layout.AssertNoSidewaysScrollAsync(page);
        await ScreenshotAndScanAsync(page, $"staff-case-{code}-{screenName}");
    }

    // A member of staff asks for every department's cases (403) and for a stage that does not exist (400): both are
    // pages in their language with the reason, the second with the filters open and the focus on the field in error.
    [Theory]
    [InlineData("zh-CN", "phone")]
    [InlineData("en", "desktop")]
    public async Task Staff_ForbiddenScopeAndBadValue_ExplainedInTheirLanguage(string code, string screenName)
    {
        var (language, screen) = (CustomerLanguage.Of(code), Screen.Of(screenName));
        var page = await OpenBrowserAsync(language, screen);
        var zh = code == "zh-CN";
        await page.GotoAsync($"/staff/sign-in?lang={code}");
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("张伟") }).ClickAsync();

        var forbidden = await page.GotoAsync($"/staff?lang={code}&scope=all");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync(zh ? "仅向经理及以上人员显示" : "shown to managers and above");
        Assert.Equal(403, forbidden!.Status);
        await ScreenshotAndScanAsync(page, $"staff-queue-forbidden-{code}-{screenName}");

        var bad = await page.GotoAsync($"/staff?lang={code}&scope=department&stage=nope");
        Assert.Equal(400, bad!.Status);
        await Assertions.Expect(page.GetByLabel(zh ? "阶段" : "Stage", new() { Exact = true })).ToBeFocusedAsync();
        await Assertions.Expect(page.Locator("#filter-stage-error")).ToHaveTextAsync(zh ? "请从列表中选择。" : "Choose one of the listed options.");
        await Layout.AssertNoSidewaysScrollAsync(page);
        await ScreenshotAndScanAsync(page, $"staff-queue-bad-value-{code}-{screenName}");
    }
}
