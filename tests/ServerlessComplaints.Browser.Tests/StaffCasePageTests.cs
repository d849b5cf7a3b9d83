using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Playwright;
using ServerlessComplaints.Browser.Tests.Hosting;
using ServerlessComplaints.Browser.Tests.Pages;
using Xunit.Abstractions;

namespace ServerlessComplaints.Browser.Tests;

// The staff case page as the owner uses it: sign in, open the case, see the complaint and the photo, submit findings
// with a remedy above their limit; desktop and phone, in both languages; screenshot and axe scan of each.
[Collection(BrowserCollection.Name)]
public sealed class StaffCasePageTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserPageTest(fixture, output)
{
    // The whole journey the issue asks for, in one run: the owner signs in, finds the new case in "my cases" by a word
    // of it (加热 in Chinese), opens it from the row, sees the photo, submits findings with a refund above their limit;
    // the approver opens the approval mail link, sees the complaint, the findings and the amount, and approves (the
    // offer mail goes out); a member of another department gets no page and no form, and a direct POST with a valid
    // antiforgery token of their own is refused. Screenshots and axe scans of every page on the way.
    [Theory]
    [InlineData("zh-CN", "desktop", "加热")]
    [InlineData("en", "phone", "heating")]
    public async Task Journey_SearchOpenFindingsAboveLimit_ApproverApprovesFromMail_OtherDepartmentRefused(string code, string screenName, string word)
    {
        var (language, screen) = (CustomerLanguage.Of(code), Screen.Of(screenName));
        var zh = code == "zh-CN";
        var trackingNumber = await FileWithPhotoAsync(language);
        var page = await OpenBrowserAsync(language, screen);
        await page.GotoAsync($"/staff?lang={code}");
        await page.Locator("#sign-in-as-zhang\\.wei").ClickAsync();

        // Back on the queue (my cases), search by the word and open the case from its row.
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(zh ? "我的案件" : "My cases");
        await page.GetByLabel(zh ? "搜索：" : "Search:").FillAsync(word);
        await page.GetByRole(AriaRole.Button, new() { Name = zh ? "搜索" : "Search", Exact = true }).ClickAsync();
        await AssertFitsAsync(page, screen);
        await ScreenshotAndScanAsync(page, $"journey-queue-{code}-{screenName}");
        await page.GetByRole(AriaRole.Link, new() { Name = trackingNumber }).ClickAsync();

        await Assertions.Expect(page.Locator("#tracking-number")).ToHaveTextAsync(trackingNumber);
        await Assertions.Expect(page.GetByText(language.Input.Description)).ToBeVisibleAsync();
        var photo = page.Locator("#evidence img");
        await Assertions.Expect(photo).ToBeVisibleAsync();
        Assert.True(await photo.EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 100"), "the photo preview did not load");
        await AssertFitsAsync(page, screen);
        await ScreenshotAndScanAsync(page, $"staff-case-{code}-{screenName}");

        var form = page.Locator("#findings-form");
        await Assertions.Expect(form).ToBeVisibleAsync(); // the only action: open
        await form.GetByLabel(zh ? "根本原因" : "Root cause").FillAsync(zh ? "加热盘缺陷" : "Heating plate defect");
        await form.GetByLabel(zh ? "公司" : "Company", new() { Exact = true }).CheckAsync();
        await form.GetByLabel(zh ? "事实" : "Facts").FillAsync(zh ? "同批次产品均有此问题" : "The whole batch has it");
        await form.GetByLabel(zh ? "退款" : "Refund", new() { Exact = true }).CheckAsync();
        await form.GetByLabel(zh ? "金额（如涉及）" : "Amount (where money moves)").FillAsync("599");
        await form.GetByLabel(zh ? "方案说明" : "Description", new() { Exact = true }).FillAsync(zh ? "全额退款" : "Full refund");
        await form.GetByRole(AriaRole.Button, new() { Name = zh ? "提交结论" : "Submit findings" }).ClickAsync();

        await Assertions.Expect(page.Locator("#flash")).ToContainTextAsync(zh ? "金额超出您的权限，须先经审批。" : "it goes to approval first");
        var approvalMail = await Fixture.WaitForMailAsync(trackingNumber, "approvalrequest");
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("#findings")).ToContainTextAsync(zh ? "加热盘缺陷" : "Heating plate defect");
        await AssertFitsAsync(page, screen);
        await ScreenshotAndScanAsync(page, $"staff-case-after-findings-{code}-{screenName}");

        // The approver, from the mail: the complaint, the findings and the amount on the page; approves.
        await page.GotoAsync(ActionLink(approvalMail));
        await Assertions.Expect(page.GetByText(language.Input.Description)).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText(zh ? "同批次产品均有此问题" : "The whole batch has it")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = zh ? "拟定的解决方案" : "Proposed remedy" })).ToContainTextAsync(zh ? "¥599.00" : "CN¥599.00");
        await AssertFitsAsync(page, screen);
        await ScreenshotAndScanAsync(page, $"journey-approval-{code}-{screenName}");
        await page.GetByRole(AriaRole.Radio, new() { Name = zh ? "批准" : "Approve", Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = language.Submit }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync(zh ? "已记录，谢谢。" : "Recorded. Thank you.");
        await Fixture.WaitForMailAsync(trackingNumber, "offer");

        // Another department: no page, no form; a direct POST with their own valid antiforgery token is refused.
        await page.GotoAsync($"/staff/sign-in?lang={code}");
        await page.Locator("#sign-in-as-liu\\.yang").ClickAsync();
        var refused = await page.GotoAsync($"/staff/cases/{trackingNumber}?lang={code}");
        Assert.Equal(403, refused!.Status);
        Assert.Equal(0, await page.Locator("form[action^='/staff/cases/']").CountAsync());
        await ScreenshotAndScanAsync(page, $"journey-other-department-{code}-{screenName}");
        var token = await page.Locator("input[name='__RequestVerificationToken']").First.GetAttributeAsync("value");
        Assert.False(string.IsNullOrEmpty(token), "the sign-out form carries no antiforgery token");
        var post = await page.Context.APIRequest.PostAsync($"/staff/cases/{trackingNumber}/note", new()
        {
            Form = page.Context.APIRequest.CreateFormData().Set("__RequestVerificationToken", token!).Set("language", code).Set("note", "不该写入"),
            MaxRedirects = 0,
        });
        Assert.Equal(403, post.Status);
    }

    [Theory]
    [InlineData("zh-CN", "desktop")]
    [InlineData("en", "phone")]
    public async Task Manager_ReassignsToAnotherDepartment_TheOldOwnerNoLongerSeesIt_TheNewOneActs(string code, string screenName)
    {
        var (language, screen) = (CustomerLanguage.Of(code), Screen.Of(screenName));
        var zh = code == "zh-CN";
        var trackingNumber = await FileWithPhotoAsync(language);
        var page = await OpenBrowserAsync(language, screen);
        await page.GotoAsync($"/staff/sign-in?lang={code}");
        await page.Locator("#sign-in-as-li\\.na").ClickAsync();
        await page.GotoAsync($"/staff/cases/{trackingNumber}?lang={code}");

        await page.GetByText(zh ? "改派" : "Reassign", new() { Exact = true }).First.ClickAsync();
        var form = page.Locator("#reassign-form");
        await form.GetByLabel(zh ? "新负责人" : "New owner").SelectOptionAsync("liu.yang");
        await form.GetByLabel(zh ? "原因（选填）" : "Reason (optional)").FillAsync(zh ? "属于服务态度问题" : "A service matter");
        await AssertFitsAsync(page, screen);
        await ScreenshotAndScanAsync(page, $"staff-case-reassign-{code}-{screenName}");
        await form.GetByRole(AriaRole.Button, new() { Name = zh ? "改派" : "Reassign" }).ClickAsync();

        // Handed to another department, the case is no longer the quality manager's: back to the queue, which counts it.
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/staff\\?lang=" + code + "&reassigned=1&refused=0$"));
        await Fixture.WaitForMailAsync(trackingNumber, "reassigned");

        // The old owner (quality) no longer sees the case at all; the new owner (service) gets the findings form.
        await page.GotoAsync($"/staff/sign-in?lang={code}");
        await page.Locator("#sign-in-as-zhang\\.wei").ClickAsync();
        var refused = await page.GotoAsync($"/staff/cases/{trackingNumber}?lang={code}");
        Assert.Equal(403, refused!.Status);
        await Assertions.Expect(page.Locator("#message")).ToBeVisibleAsync();
        Assert.Equal(0, await page.Locator("form[action^='/staff/cases/']").CountAsync());
        await ScreenshotAndScanAsync(page, $"staff-case-not-yours-{code}-{screenName}");
        await page.GotoAsync($"/staff/sign-in?lang={code}");
        await page.Locator("#sign-in-as-liu\\.yang").ClickAsync();
        await page.GotoAsync($"/staff/cases/{trackingNumber}?lang={code}");
        await Assertions.Expect(page.Locator("#findings-form")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#owner")).ToContainTextAsync("刘洋");
        await Assertions.Expect(page.Locator("#notes")).ToContainTextAsync(zh ? "属于服务态度问题" : "A service matter");
    }

    private static string ActionLink(LocalHost.Mail.DevMail mail) =>
        System.Text.RegularExpressions.Regex.Match(mail.Text, @"http://[^\s""<>]+/actions/[A-Za-z0-9._\-]+") is { Success: true } m ? m.Value
        : throw new InvalidOperationException("No action link in: " + mail.Text);

    /// <summary>Nothing wider than the screen (a phone would otherwise zoom the whole page out).</summary>
    private static async Task AssertFitsAsync(IPage page, Screen screen)
    {
        await Layout.AssertNoSidewaysScrollAsync(page);
        var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(width <= screen.Width, $"{page.Url}: content is {width} px wide on a {screen.Width} px screen");
    }

    /// <summary>A complaint with a photo through the form's own post (as the browser sends it), waiting until it is assigned.</summary>
    private async Task<string> FileWithPhotoAsync(CustomerLanguage language)
    {
        var photo = await PhotoAsync();
        using var form = new MultipartFormDataContent
        {
            { new StringContent(language.Code), "language" }, { new StringContent(Guid.NewGuid().ToString("N")), "idempotencyKey" },
            { new StringContent("complaint"), "kind" }, { new StringContent("product-quality"), "category" },
            { new StringContent(language.Input.Subject), "subject" }, { new StringContent(language.Input.Description), "description" },
            { new StringContent(language.Input.Name), "customer.name" }, { new StringContent(language.Input.NewEmail()), "customer.email" },
        };
        form.Add(new ByteArrayContent(photo), "evidence", language.Code == "en" ? "rice-cooker.png" : "电饭煲.png");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/") { Content = form };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var response = await Fixture.Http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        var trackingNumber = JsonDocument.Parse(body).RootElement.GetProperty("trackingNumber").GetString()!;
        await Fixture.WaitForMailAsync(trackingNumber, "assignment");
        return trackingNumber;
    }

    /// <summary>A 320×240 picture drawn by the browser itself: what a phone photo looks like to the service (a real PNG).</summary>
    private async Task<byte[]> PhotoAsync()
    {
        var context = await Fixture.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 320, Height = 240 } });
        try
        {
            var page = await context.NewPageAsync();
            await page.SetContentAsync("<body style=\"margin:0;width:320px;height:240px;background:linear-gradient(135deg,#c0c8d0,#6b7b8c)\">"
                + "<div style=\"margin:60px auto;width:120px;height:120px;border-radius:50%;background:#f4f4f4;border:8px solid #333\"></div></body>");
            return await page.ScreenshotAsync();
        }
        finally
        {
            await context.CloseAsync();
        }
    }
}
