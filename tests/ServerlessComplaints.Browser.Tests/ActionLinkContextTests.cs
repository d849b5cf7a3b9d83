using System.Net;
using System.Text.Json;
using Microsoft.Playwright;
using ServerlessComplaints.Browser.Tests.Hosting;
using ServerlessComplaints.Browser.Tests.Pages;
using Xunit.Abstractions;

namespace ServerlessComplaints.Browser.Tests;

/// <summary>
/// The mail links' pages carry the case, as the owner and the approver meet them: a complaint filed with a photo; the
/// owner's findings link shows the complaint and the photo's preview (a signed short-lived link) and takes findings
/// with a refund above the owner's limit; the approver's link shows the complaint, the findings, the amount, who
/// proposed it and both limits, and approves. Screenshots and an axe-core scan of both pages.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ActionLinkContextTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserPageTest(fixture, output)
{
    private sealed record Words(string FileName, string Complaint, string Evidence, string Findings, string Proposal, string RootCause, string Company, string Facts,
        string Refund, string Amount, string RemedyDescription, string Approve, string Recorded, string Proposer, string Approver, string OpenCase);

    private static readonly Words Chinese = new(
        "现场照片.png", "客户提交的内容", "证据材料", "调查结论", "拟定的解决方案", "根本原因", "公司", "事实", "退款", "金额（如涉及）", "方案说明", "批准", "已记录，谢谢。",
        "张伟（品质部专员），审批权限 ¥200.00 以内", "王磊（品质部主管），审批权限 ¥1,000.00 以内", "查看完整案件");

    private static readonly Words English = new(
        "photo.png", "As submitted", "Evidence", "Findings", "Proposed remedy", "Root cause", "Company", "Facts", "Refund", "Amount (where money moves)", "Description", "Approve",
        "Recorded. Thank you.", "张伟, case officer, Quality: approves up to CN¥200.00", "王磊, supervisor, Quality: approves up to CN¥1,000.00", "Open the full case");

    [Theory]
    // (zh-CN desktop and en phone: StaffCasePageTests' journey opens the approval link the same way.)
    [InlineData("zh-CN", "phone")]
    [InlineData("en", "desktop")]
    public async Task FindingsThenApprovalLinks_ShowTheComplaintPhotoFindingsAmountAndLimits_ApproverApproves(string code, string screenName)
    {
        var (language, screen) = (CustomerLanguage.Of(code), Screen.Of(screenName));
        var words = code == "en" ? English : Chinese;
        var trackingNumber = await FileWithPhotoAsync(language, words.FileName);
        var page = await OpenBrowserAsync(language, screen);

        await page.GotoAsync(ActionLink(await Fixture.WaitForMailAsync(trackingNumber, "assignment")));

        await Assertions.Expect(Heading(page, words.Complaint)).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText(language.Input.Description)).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = words.OpenCase })).ToHaveAttributeAsync("href", $"/staff/cases/{trackingNumber}?lang={code}");
        await AssertPhotoShownAsync(page, words.FileName);
        await Layout.AssertNoSidewaysScrollAsync(page);
        await ScreenshotAndScanAsync(page, $"findings-context-{code}-{screenName}");

        await page.GetByLabel(words.RootCause, new() { Exact = true }).FillAsync(code == "en" ? "Faulty heating plate" : "加热盘缺陷");
        await page.GetByRole(AriaRole.Radio, new() { Name = words.Company, Exact = true }).CheckAsync();
        await page.GetByLabel(words.Facts, new() { Exact = true }).FillAsync(code == "en" ? "Three cases from batch 2611, confirmed by testing" : "同批次共三起，检测确认");
        await page.GetByRole(AriaRole.Radio, new() { Name = words.Refund, Exact = true }).CheckAsync();
        await page.GetByLabel(words.Amount, new() { Exact = true }).FillAsync("599");
        await page.GetByLabel(words.RemedyDescription, new() { Exact = true }).FillAsync(code == "en" ? "Full refund" : "全额退款");
        await page.GetByRole(AriaRole.Button, new() { Name = language.Submit }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync(words.Recorded);

        await page.GotoAsync(ActionLink(await Fixture.WaitForMailAsync(trackingNumber, "approvalrequest")));

        await Assertions.Expect(page.GetByText(language.Input.Description)).ToBeVisibleAsync();
        await Assertions.Expect(Heading(page, words.Findings)).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText(code == "en" ? "Three cases from batch 2611, confirmed by testing" : "同批次共三起，检测确认")).ToBeVisibleAsync();
        var proposal = page.GetByRole(AriaRole.Region, new() { Name = words.Proposal });
        await Assertions.Expect(proposal).ToContainTextAsync(code == "en" ? "CN¥599.00" : "¥599.00");
        await Assertions.Expect(proposal).ToContainTextAsync(words.Proposer);
        await Assertions.Expect(proposal).ToContainTextAsync(words.Approver);
        await AssertPhotoShownAsync(page, words.FileName);
        await Layout.AssertNoSidewaysScrollAsync(page);
        await ScreenshotAndScanAsync(page, $"approval-context-{code}-{screenName}");

        await page.GetByRole(AriaRole.Radio, new() { Name = words.Approve, Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = language.Submit }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync(words.Recorded);
        await Fixture.WaitForMailAsync(trackingNumber, "offer");
    }

    private static ILocator Heading(IPage page, string name) => page.GetByRole(AriaRole.Heading, new() { Name = name, Exact = true });

    // The preview is an image the browser could load (through the signed link), inside a link named after the file.
    private static async Task AssertPhotoShownAsync(IPage page, string fileName)
    {
        var link = page.GetByRole(AriaRole.Link, new() { Name = fileName });
        await Assertions.Expect(link).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("^/evidence/[A-Za-z0-9_.-]+$"));
        var image = link.Locator("img");
        await image.ScrollIntoViewIfNeededAsync();
        await Assertions.Expect(image).ToBeVisibleAsync();
        var width = 0;
        for (var tries = 0; tries < 50 && width == 0; tries++)
        {
            width = await image.EvaluateAsync<int>("img => img.complete ? img.naturalWidth : 0");
            if (width == 0)
            {
                await Task.Delay(100);
            }
        }

        Assert.True(width > 100, $"the preview of {fileName} did not load (natural width {width})");
    }

    private static string ActionLink(LocalHost.Mail.DevMail mail) =>
        System.Text.RegularExpressions.Regex.Match(mail.Text, @"http://[^\s""<>]+/actions/[A-Za-z0-9._\-]+") is { Success: true } m ? m.Value
        : throw new InvalidOperationException("No action link in: " + mail.Text);

    // A photo-like picture (the browser draws it), filed with the complaint as the form would send it.
    private async Task<string> FileWithPhotoAsync(CustomerLanguage language, string fileName)
    {
        var scratch = await Fixture.Browser.NewPageAsync(new() { ViewportSize = new() { Width = 480, Height = 320 } });
        await scratch.SetContentAsync("<body style=\"margin:0\"><div style=\"width:480px;height:320px;background:linear-gradient(135deg,#c9d6df,#52616b)\">"
            + "<div style=\"position:absolute;left:150px;top:90px;width:180px;height:140px;border-radius:24px;background:#f0f0f0;border:6px solid #333\"></div></div></body>");
        var photo = await scratch.ScreenshotAsync(new() { Type = ScreenshotType.Png });
        await scratch.Context.CloseAsync();

        using var form = new MultipartFormDataContent();
        foreach (var (name, value) in new[]
        {
            ("kind", "complaint"), ("category", "product-quality"), ("subject", language.Input.Subject), ("description", language.Input.Description),
            ("customer.name", language.Input.Name), ("customer.email", language.Input.NewEmail()), ("location", language.Code == "en" ? "Pudong store" : "浦东店"),
            ("orderReference", "SO-2611-0042"), ("desiredRemedy", "refund"), ("occurredAt", DateTimeOffset.UtcNow.AddDays(-2).ToString("yyyy-MM-ddTHH:mmZ", System.Globalization.CultureInfo.InvariantCulture)), ("language", language.Code),
        })
        {
            form.Add(new StringContent(value), name);
        }

        form.Add(new ByteArrayContent(photo), "evidence", fileName);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/complaints") { Content = form };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        using var response = await Fixture.Http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"filing: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("trackingNumber").GetString()!;
    }
}
