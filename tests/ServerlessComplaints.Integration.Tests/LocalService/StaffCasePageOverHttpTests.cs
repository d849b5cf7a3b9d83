using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace ServerlessComplaints.Integration.Tests.LocalService;

// The staff case page over real HTTP on the local service (Azurite, the Durable Task engine): a signed-in session sees
// the case and the forms of what it may do now; each form posts through the staff API's handler.
[Collection(LocalServiceCollection.Name)]
public partial class StaffCasePageOverHttpTests(LocalServiceFixture fixture)
{
    [Fact]
    public async Task Owner_SeesTheCaseAndTheFindingsForm_FieldErrorThenFindingsAboveTheLimitGoToApproval()
    {
        var tn = await NewCaseAsync();
        using var owner = await SignedInAsync("zhang.wei");

        var page = await owner.Client.GetAsync($"/staff/cases/{tn}?lang=en");
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("11月20日在浦东店购买的电饭煲，使用两天后无法加热。", html, StringComparison.Ordinal);
        Assert.Contains("id=\"findings-form\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"reassign-form\"", html, StringComparison.Ordinal);
        Assert.Contains("Your approval limit is", html, StringComparison.Ordinal);

        var invalid = await PostAsync(owner, $"/staff/cases/{tn}/findings", TokenIn(html), ("language", "en"), ("responsibleParty", "company"), ("facts", "同批次"),
            ("remedy.type", "refund"), ("remedy.amount", "599"), ("remedy.description", "全额退款"));
        var invalidHtml = await invalid.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Matches("id=\"findings-rootCause\"[^>]*aria-invalid=\"true\"[^>]*autofocus", invalidHtml);
        Assert.Contains(">同批次</textarea>", invalidHtml, StringComparison.Ordinal);

        var submitted = await PostAsync(owner, $"/staff/cases/{tn}/findings", TokenIn(invalidHtml), ("language", "en"), ("rootCause", "加热盘缺陷"), ("responsibleParty", "company"),
            ("facts", "同批次"), ("remedy.type", "refund"), ("remedy.amount", "599"), ("remedy.description", "全额退款"));
        Assert.Equal(HttpStatusCode.SeeOther, submitted.StatusCode);
        Assert.Equal($"/staff/cases/{tn}?lang=en&done=findings&approval=1", submitted.Headers.Location!.OriginalString);
        await fixture.WaitForMailAsync(tn, "approvalrequest", "wang.lei@example.cn");
        var after = await owner.Client.GetStringAsync(submitted.Headers.Location!.OriginalString);
        Assert.Contains("Findings submitted.", after, StringComparison.Ordinal);
        Assert.Contains("it goes to approval first", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OtherDepartment_NoPageNoForms_DirectPost403_NotSignedInGoesToSignIn_UnknownCase404()
    {
        var tn = await NewCaseAsync();
        using var other = await SignedInAsync("liu.yang");
        using var anonymous = new Browser(fixture.Http.BaseAddress!);

        var page = await other.Client.GetAsync($"/staff/cases/{tn}?lang=zh-CN");
        var token = TokenIn(await other.Client.GetStringAsync("/staff/sign-in?lang=zh-CN"));
        var post = await PostAsync(other, $"/staff/cases/{tn}/note", token, ("language", "zh-CN"), ("note", "不该写入"));
        var signIn = await anonymous.Client.GetAsync($"/staff/cases/{tn}?lang=en");
        var unknown = await other.Client.GetAsync("/staff/cases/CMP-20260101-ZZZZZZ?lang=en");
        var noToken = await PostAsync(other, $"/staff/cases/{tn}/note", null, ("language", "en"), ("note", "x"));

        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("无权查看", html, StringComparison.Ordinal);
        Assert.DoesNotContain("action=\"/staff/cases/", html, StringComparison.Ordinal);
        Assert.DoesNotContain("电饭煲", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal(HttpStatusCode.SeeOther, signIn.StatusCode);
        Assert.Equal($"/staff/sign-in?lang=en&returnUrl=%2Fstaff%2Fcases%2F{tn}%3Flang%3Den", signIn.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("Case not found", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        Assert.DoesNotContain((await TimelineAsync(tn)).EnumerateArray(), e => e.GetProperty("action").GetString() == "note");
    }

    [Fact]
    public async Task Note_OnTheStaffTimeline_NotOnTheCustomersStatusPage_EarlierCaseOfTheCustomerListed()
    {
        var earlier = await NewCaseAsync();
        var client = new CaseClient(fixture);
        var tn = await NewCaseAsync(client);
        using var supervisor = await SignedInAsync("wang.lei");
        var html = await supervisor.Client.GetStringAsync($"/staff/cases/{tn}?lang=zh-CN");

        var noted = await PostAsync(supervisor, $"/staff/cases/{tn}/note", TokenIn(html), ("language", "zh-CN"), ("note", "客户来电催办，已安排检测"));
        var page = await supervisor.Client.GetStringAsync(noted.Headers.Location!.OriginalString);
        var status = await (await fixture.Http.GetAsync(new Uri(client.StatusUrl).PathAndQuery)).Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.SeeOther, noted.StatusCode);
        Assert.Contains("备注已添加。", page, StringComparison.Ordinal);
        Assert.Matches($"id=\"earlier-cases\"[\\s\\S]*href=\"/staff/cases/{earlier}\\?lang=zh-CN\"", page);
        Assert.Matches("id=\"notes\"[\\s\\S]*客户来电催办，已安排检测", page);
        Assert.Contains((await TimelineAsync(tn)).EnumerateArray(), e => e.GetProperty("action").GetString() == "note" && !e.GetProperty("isPublic").GetBoolean());
        Assert.DoesNotContain("客户来电催办", status, StringComparison.Ordinal);
        Assert.DoesNotContain((await client.StatusAsync()).Timeline, e => e.Action == "note");
    }

    [Fact]
    public async Task StaffApi_NoteAndReassign_TheSameActions_RefusalsCarryTheirCode()
    {
        var client = new CaseClient(fixture);
        var tn = await NewCaseAsync(client);

        var note = await client.ActAsync("zhang.wei", "note", new { note = "电话联系客户" });
        var across = await client.ActAsync("wang.lei", "reassign", new { owner = "liu.yang" });
        var within = await client.ActAsync("wang.lei", "reassign", new { owner = "li.na" });
        var unknown = await client.ActAsync("li.na", "reassign", new { owner = "nobody" });

        Assert.Equal(HttpStatusCode.OK, note.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, across.StatusCode);
        var problem = await across.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("reassign-across", problem.GetProperty("code").GetString());
        Assert.Contains("another department", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, within.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal("li.na", await OwnerAsync(tn));
    }

    [Fact]
    public async Task Reassign_AcrossDepartments_NewOwnerSubmitsFindings_OldOwnerCannot()
    {
        var client = new CaseClient(fixture);
        var tn = await NewCaseAsync(client);
        using var manager = await SignedInAsync("li.na");
        using var oldOwner = await SignedInAsync("zhang.wei");
        using var newOwner = await SignedInAsync("liu.yang");
        var managerPage = await manager.Client.GetStringAsync($"/staff/cases/{tn}?lang=en");
        Assert.Contains("<option value=\"liu.yang\"", managerPage, StringComparison.Ordinal);
        var oldOwnersToken = TokenIn(await oldOwner.Client.GetStringAsync($"/staff/cases/{tn}?lang=en"));

        var reassigned = await PostAsync(manager, $"/staff/cases/{tn}/reassign", TokenIn(managerPage), ("language", "en"), ("owner", "liu.yang"), ("reason", "属于服务问题"));
        var mail = await fixture.WaitForMailAsync(tn, "reassigned", "liu.yang@example.cn");
        var oldOwnersPage = await oldOwner.Client.GetAsync($"/staff/cases/{tn}?lang=en");
        var oldOwnersFindings = await PostAsync(oldOwner, $"/staff/cases/{tn}/findings", oldOwnersToken, ("language", "en"), ("rootCause", "x"), ("responsibleParty", "company"),
            ("facts", "x"), ("remedy.type", "coupon"), ("remedy.amount", "50"), ("remedy.description", "x"));
        var newOwnersPage = await newOwner.Client.GetStringAsync($"/staff/cases/{tn}?lang=en");
        var findings = await PostAsync(newOwner, $"/staff/cases/{tn}/findings", TokenIn(newOwnersPage), ("language", "en"), ("rootCause", "服务态度"), ("responsibleParty", "staff"),
            ("facts", "录音为证"), ("remedy.type", "coupon"), ("remedy.amount", "50"), ("remedy.description", "50元代金券"));

        Assert.Equal(HttpStatusCode.SeeOther, reassigned.StatusCode);
        Assert.Equal("/staff?lang=en&reassigned=1&refused=0", reassigned.Headers.Location!.OriginalString); // no longer the quality manager's to see
        Assert.Contains($"/staff/cases/{tn}", mail.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, oldOwnersPage.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, oldOwnersFindings.StatusCode);
        Assert.Contains("id=\"findings-form\"", newOwnersPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.SeeOther, findings.StatusCode);
        Assert.Equal($"/staff/cases/{tn}?lang=en&done=findings", findings.Headers.Location!.OriginalString);
        var offer = await fixture.WaitForMailAsync(tn, "offer", CaseClient.CustomerEmail);
        Assert.Contains("50元代金券", offer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BulkReassign_EachCaseThroughTheDecision_CountsOnTheQueue()
    {
        var first = await NewCaseAsync();
        var second = await NewCaseAsync();
        var service = new CaseClient(fixture);
        await service.SubmitAsync(CaseClient.Submission("complaint", category: "service-attitude"));
        await fixture.WaitForMailAsync(service.TrackingNumber, "assignment", "liu.yang@example.cn");
        using var supervisor = await SignedInAsync("wang.lei");
        var token = TokenIn(await supervisor.Client.GetStringAsync($"/staff/cases/{first}?lang=en"));

        var bulk = await PostAsync(supervisor, "/staff/reassign", token, ("lang", "en"), ("owner", "li.na"), ("cases", first), ("cases", second), ("cases", service.TrackingNumber));

        Assert.Equal(HttpStatusCode.SeeOther, bulk.StatusCode);
        Assert.Equal("/staff?lang=en&reassigned=2&refused=1", bulk.Headers.Location!.OriginalString);
        Assert.Equal("li.na", await OwnerAsync(first));
        Assert.Equal("li.na", await OwnerAsync(second));
        Assert.Equal("liu.yang", await OwnerAsync(service.TrackingNumber));
    }

    private async Task<string> NewCaseAsync(CaseClient? client = null)
    {
        client ??= new CaseClient(fixture);
        await client.SubmitAsync(CaseClient.Submission("complaint"));
        await fixture.WaitForMailAsync(client.TrackingNumber, "assignment", "zhang.wei@example.cn");
        return client.TrackingNumber;
    }

    private async Task<Browser> SignedInAsync(string staffId)
    {
        var browser = new Browser(fixture.Http.BaseAddress!);
        var token = TokenIn(await browser.Client.GetStringAsync("/staff/sign-in?lang=en"));
        var signIn = await PostAsync(browser, "/staff/sign-in", token, ("language", "en"), ("key", fixture.Service.StaffKeys[staffId]));
        Assert.Equal(HttpStatusCode.SeeOther, signIn.StatusCode);
        return browser;
    }

    private async Task<JsonElement> TimelineAsync(string tn)
    {
        using var head = fixture.StaffClient("gao.feng");
        return (await head.GetFromJsonAsync<JsonElement>($"/api/staff/complaints/{tn}")).GetProperty("timeline");
    }

    private async Task<string?> OwnerAsync(string tn)
    {
        using var head = fixture.StaffClient("gao.feng");
        return (await head.GetFromJsonAsync<JsonElement>($"/api/staff/complaints/{tn}")).GetProperty("record").GetProperty("ownerId").GetString();
    }

    private static Task<HttpResponseMessage> PostAsync(Browser browser, string path, string? token, params (string Name, string Value)[] fields) =>
        browser.Client.PostAsync(path, new FormUrlEncodedContent(
            (token is null ? fields : [("__RequestVerificationToken", token), .. fields]).Select(f => new KeyValuePair<string, string>(f.Name, f.Value))));

    private static string TokenIn(string html) => TokenField().Match(html) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("No antiforgery token in the page.");

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
