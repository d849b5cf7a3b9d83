using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using ServerlessComplaints.Workflow.Lifecycle;

namespace ServerlessComplaints.Integration.Tests.LocalService;

// The staff queue page over real HTTP on the real queue: own cases, the department and all departments by role, a
// filter, a Chinese word, bad values as 400 pages in the page's language, and the sign-in's way back (local pages only).
[Collection(LocalServiceCollection.Name)]
public partial class StaffQueueOverHttpTests(LocalServiceFixture fixture)
{
    [Fact]
    public async Task Queue_ByRole_OwnCasesDepartmentAndAll_AllRefusedToStaff()
    {
        var quality = await NewCaseAsync("product-quality", "电饭煲按键失灵");
        var delivery = await NewCaseAsync("delivery", "快递包装破损");

        using var owner = await SignedInAsync("zhang.wei");
        var mine = await PageAsync(owner, "/staff?lang=en&sort=received");
        var department = await PageAsync(owner, "/staff?lang=en&scope=department&sort=received");
        var all = await owner.Client.GetAsync("/staff?lang=en&scope=all");

        Assert.Contains(Row(quality), mine, StringComparison.Ordinal);
        Assert.DoesNotContain(Row(delivery), mine, StringComparison.Ordinal);
        Assert.Contains("Signed in as 张伟 (staff)", mine, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"scope-all\"", mine, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"reassign-form\"", mine, StringComparison.Ordinal);
        Assert.Contains(Row(quality), department, StringComparison.Ordinal);
        Assert.DoesNotContain(Row(delivery), department, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, all.StatusCode);
        Assert.Contains("shown to managers and above", await all.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var manager = await SignedInAsync("li.na");
        var everything = await PageAsync(manager, "/staff?lang=en&scope=all&sort=received");
        Assert.Contains(Row(quality), everything, StringComparison.Ordinal);
        Assert.Contains(Row(delivery), everything, StringComparison.Ordinal);
        Assert.Contains("id=\"reassign-form\"", everything, StringComparison.Ordinal);
        Assert.Contains($"href=\"/staff/cases/{quality}?lang=en\"", everything, StringComparison.Ordinal);
        Assert.Matches("<strong>On track</strong> · [^<]+ left", everything);
    }

    [Fact]
    public async Task Queue_FilterAndChineseWord_FindOnlyTheMatchingCase()
    {
        var facilities = await NewCaseAsync("facilities", "电梯按钮失灵");
        var price = await NewCaseAsync("price", "价签与结账金额不符");
        using var manager = await SignedInAsync("he.xin");

        var byCategory = await PageAsync(manager, "/staff?lang=zh-CN&scope=all&category=facilities&sort=received");
        var byWord = await PageAsync(manager, "/staff?lang=zh-CN&scope=all&q=" + Uri.EscapeDataString("价签"));

        Assert.Contains(Row(facilities), byCategory, StringComparison.Ordinal);
        Assert.DoesNotContain(Row(price), byCategory, StringComparison.Ordinal);
        Assert.Contains(Row(price), byWord, StringComparison.Ordinal);
        Assert.DoesNotContain(Row(facilities), byWord, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Queue_BadValue_400InChineseWithTheFieldsError()
    {
        using var staff = await SignedInAsync("zhang.wei");

        var response = await staff.Client.GetAsync("/staff?lang=zh-CN&stage=nope&from=2026-02-30");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("<html lang=\"zh-CN\"", html, StringComparison.Ordinal);
        Assert.Contains("阶段：请从列表中选择。", html, StringComparison.Ordinal);
        Assert.Contains("请按“年-月-日”填写日期", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"queue\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NotSignedIn_SignInReturnsToTheAskedPage()
    {
        using var browser = new Browser(fixture.Http.BaseAddress!);

        var asked = await browser.Client.GetAsync("/staff?scope=department&lang=en");
        var signInUrl = asked.Headers.Location!.OriginalString;
        var form = await browser.Client.GetStringAsync(signInUrl);
        var signIn = await PostAsync(browser, "/staff/sign-in", ("__RequestVerificationToken", TokenIn(form)), ("language", "en"), ("key", fixture.Service.StaffKeys["wang.lei"]), ("returnUrl", ReturnUrlIn(form)));

        Assert.Equal(HttpStatusCode.SeeOther, asked.StatusCode);
        Assert.Equal("/staff/sign-in?lang=en&returnUrl=" + Uri.EscapeDataString("/staff?scope=department&lang=en"), signInUrl);
        Assert.Equal(HttpStatusCode.SeeOther, signIn.StatusCode);
        Assert.Equal("/staff?scope=department&lang=en", signIn.Headers.Location!.OriginalString);
        Assert.Contains("My department's cases", WebUtility.HtmlDecode(await browser.Client.GetStringAsync(signIn.Headers.Location)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://evil.example/staff")]
    [InlineData("//evil.example/staff")]
    [InlineData("/staff//evil.example")]
    [InlineData("/\\evil.example/staff")]
    [InlineData("/status/x")]
    [InlineData("javascript:alert(1)")]
    public async Task SignIn_ForeignReturnUrl_Refused_GoesToTheQueue(string returnUrl)
    {
        using var browser = new Browser(fixture.Http.BaseAddress!);
        var form = await browser.Client.GetStringAsync("/staff/sign-in?lang=zh-CN&returnUrl=" + Uri.EscapeDataString(returnUrl));

        var signIn = await PostAsync(browser, "/staff/sign-in", ("__RequestVerificationToken", TokenIn(form)), ("language", "zh-CN"), ("key", fixture.Service.StaffKeys["zhang.wei"]), ("returnUrl", returnUrl));

        Assert.DoesNotContain("name=\"returnUrl\"", form, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.SeeOther, signIn.StatusCode);
        Assert.Equal("/staff?lang=zh-CN", signIn.Headers.Location!.OriginalString);
    }

    private static string Row(string trackingNumber) => $"id=\"row-{trackingNumber}\"";

    // A case in the queue: taken to investigation by the workflow, its owner the category's department's owner.
    private async Task<string> NewCaseAsync(string category, string subject)
    {
        var client = new CaseClient(fixture);
        var response = await client.SubmitAsync(new
        {
            kind = "complaint",
            category,
            subject,
            description = subject + "，请尽快处理。",
            customer = new { name = "刘芳", email = "liu.fang@example.cn" },
            language = "zh-CN",
        });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await client.WaitForStageAsync(CaseStage.Investigation);
        return client.TrackingNumber;
    }

    private async Task<Browser> SignedInAsync(string staffId)
    {
        var browser = new Browser(fixture.Http.BaseAddress!);
        var form = await browser.Client.GetStringAsync("/staff/sign-in?lang=en");
        var signIn = await PostAsync(browser, "/staff/sign-in", ("__RequestVerificationToken", TokenIn(form)), ("language", "en"), ("key", fixture.Service.StaffKeys[staffId]));
        Assert.Equal(HttpStatusCode.SeeOther, signIn.StatusCode);
        return browser;
    }

    private static async Task<string> PageAsync(Browser browser, string path)
    {
        var response = await browser.Client.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {html}");
        return html;
    }

    private static string TokenIn(string html) => TokenField().Match(html) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("No antiforgery token in the page.");

    private static string ReturnUrlIn(string html) => WebUtility.HtmlDecode(ReturnUrlField().Match(html) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("No returnUrl in the sign-in form."));

    private static Task<HttpResponseMessage> PostAsync(Browser browser, string path, params (string Name, string Value)[] fields) =>
        browser.Client.PostAsync(path, new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))));

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    [GeneratedRegex("name=\"returnUrl\" value=\"([^\"]+)\"")]
    private static partial Regex ReturnUrlField();
}
