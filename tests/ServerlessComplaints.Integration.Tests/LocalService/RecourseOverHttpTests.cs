using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using ServerlessComplaints.Workflow.Lifecycle;

namespace ServerlessComplaints.Integration.Tests.LocalService;

/// <summary>
/// The customer's recourse on the status page, as a browser without JavaScript uses it: add a message with a photo,
/// ask for a manager's review, withdraw — each a signed single-use form — and the page telling the truth afterwards.
/// </summary>
[Collection(LocalServiceCollection.Name)]
public partial class RecourseOverHttpTests(LocalServiceFixture fixture)
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 7, 7, 7];

    private async Task<CaseClient> OpenCaseAsync()
    {
        var client = new CaseClient(fixture);
        var response = await client.SubmitAsync(CaseClient.Submission("complaint"));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await client.WaitForStageAsync(CaseStage.Investigation);
        return client;
    }

    /// <summary>The last status page read: the forms post where it says (its language included).</summary>
    private string _lastPage = "";

    private async Task<string> PageAsync(CaseClient client, string language = "zh-CN")
    {
        var html = await fixture.Http.GetStringAsync($"/status/{client.TrackingNumber}?t={client.Token}&lang={language}");
        return _lastPage = WebUtility.HtmlDecode(html);
    }

    private static string TokenOf(string html, string form) =>
        Regex.Match(html, $"<form id=\"{form}\"[^>]*>.*?name=\"token\" value=\"([^\"]+)\"", RegexOptions.Singleline).Groups[1].Value is { Length: > 0 } token
            ? token
            : throw new Xunit.Sdk.XunitException($"No {form} on the page.");

    private Task<HttpResponseMessage> PostAsync(CaseClient client, string step, HttpContent content) =>
        fixture.Http.PostAsync(Regex.Match(_lastPage, $"action=\"(/status/[^\"]*/{step}[^\"]*)\"").Groups[1].Value is { Length: > 0 } action ? action : $"/status/{client.TrackingNumber}/{step}", content);

    private static FormUrlEncodedContent Fields(params (string Key, string Value)[] fields) => new(fields.Select(f => KeyValuePair.Create(f.Key, f.Value)));

    [Fact]
    public async Task StatusPage_OpenCase_ShowsStageNextStepResponseDeadlineAllThreeFormsAndTheRights()
    {
        var client = await OpenCaseAsync();

        var zh = await PageAsync(client);
        var en = await PageAsync(client, "en");

        Assert.Contains("<td id=\"stage\">调查中</td>", zh, StringComparison.Ordinal);
        Assert.Contains("<th>我们的答复期限</th><td id=\"deadline\">", zh, StringComparison.Ordinal);
        Assert.Contains("负责部门正在调查处理您的案件", zh, StringComparison.Ordinal);
        Assert.Contains("12315", zh, StringComparison.Ordinal);
        Assert.Contains("<th>Our answer is due</th><td id=\"deadline\">by the end of", en, StringComparison.Ordinal);
        Assert.Contains("national 12315 consumer complaint hotline", en, StringComparison.Ordinal);
        foreach (var form in new[] { "message-form", "review-form", "withdraw-form" })
        {
            Assert.NotEmpty(TokenOf(zh, form));
        }
    }

    [Fact]
    public async Task AddMessageWithPhoto_OnTheTimelineAndListed_OwnerMailed_FormUsableOnce()
    {
        var client = await OpenCaseAsync();
        var token = TokenOf(await PageAsync(client), "message-form");
        MultipartFormDataContent Message() => new()
        {
            { new StringContent(token), "token" }, { new StringContent(client.Token), "t" },
            { new StringContent("补充：加热指示灯不亮。<b>不是标签</b>"), "message" },
            { new ByteArrayContent(Png), "evidence", "second-photo.png" },
        };

        var done = await PostAsync(client, "message", Message());
        var again = await PostAsync(client, "message", Message());

        var doneHtml = WebUtility.HtmlDecode(await done.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Contains("您的留言已加入案件", doneHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Gone, again.StatusCode);
        Assert.Contains("此表单已提交过", WebUtility.HtmlDecode(await again.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var page = await PageAsync(client);
        Assert.Contains("<li>second-photo.png</li>", page, StringComparison.Ordinal);
        Assert.Contains("<q class=\"quote\">补充：加热指示灯不亮。<b>不是标签</b></q>", page, StringComparison.Ordinal); // decoded for reading: it was encoded on the page
        Assert.DoesNotContain("<b>不是标签</b>", await fixture.Http.GetStringAsync($"/status/{client.TrackingNumber}?t={client.Token}"), StringComparison.Ordinal);
        var mail = await fixture.WaitForMailAsync(client.TrackingNumber, "customermessage");
        Assert.NotEqual(CaseClient.CustomerEmail, mail.To);
        Assert.Contains("补充：加热指示灯不亮。", mail.Text, StringComparison.Ordinal);
        Assert.Contains("second-photo.png", mail.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddMessage_EmptyOrWrongFile_PageAgainWithTheErrorBesideTheField_NothingStored()
    {
        var client = await OpenCaseAsync();
        var token = TokenOf(await PageAsync(client, "en"), "message-form");

        var empty = await PostAsync(client, "message", new MultipartFormDataContent { { new StringContent(token), "token" }, { new StringContent(client.Token), "t" }, { new StringContent("  "), "message" } });
        var wrongFile = await PostAsync(client, "message", new MultipartFormDataContent
        {
            { new StringContent(token), "token" }, { new StringContent(client.Token), "t" }, { new StringContent("see file"), "message" },
            { new ByteArrayContent([0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00]), "evidence", "virus.exe" },
        });

        var emptyHtml = WebUtility.HtmlDecode(await empty.Content.ReadAsStringAsync());
        var wrongHtml = WebUtility.HtmlDecode(await wrongFile.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Matches("<p id=\"message-error\" class=\"error field-error\">Please fill this in.</p>", emptyHtml);
        Assert.Equal(HttpStatusCode.BadRequest, wrongFile.StatusCode);
        Assert.Matches("<p id=\"evidence-error\" class=\"error field-error\">virus.exe[^<]+</p>", wrongHtml);
        Assert.Contains("see file</textarea>", wrongHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("<ul id=\"evidence\">", await PageAsync(client), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AskForReview_RecordedAndTheManagerMailed_NotAnSlaEscalation()
    {
        var client = await OpenCaseAsync();
        var token = TokenOf(await PageAsync(client), "review-form");

        var done = await PostAsync(client, "review", Fields(("token", token), ("t", client.Token), ("reason", "一周没有进展")));

        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        var mail = await fixture.WaitForMailAsync(client.TrackingNumber, "escalationrequested");
        Assert.Contains("一周没有进展", mail.Text, StringComparison.Ordinal);
        Assert.Contains("并非超时升级", mail.Text, StringComparison.Ordinal);
        Assert.Contains("客户请求经理复核", await PageAsync(client), StringComparison.Ordinal);
        using var staff = fixture.StaffClient("zhang.wei");
        var detail = await staff.GetFromJsonAsync<JsonElement>($"/api/staff/complaints/{client.TrackingNumber}");
        Assert.Equal(0, detail.GetProperty("record").GetProperty("escalationLevel").GetInt32());
    }

    [Fact]
    public async Task Withdraw_NeedsTheConfirmation_ThenClosesTheCase_NoDeadlineNoForms_LaterFormsRefused()
    {
        var client = await OpenCaseAsync();
        var page = await PageAsync(client, "en");
        var (withdrawToken, reviewToken) = (TokenOf(page, "withdraw-form"), TokenOf(page, "review-form"));

        var unconfirmed = await PostAsync(client, "withdraw", Fields(("token", withdrawToken), ("t", client.Token), ("withdraw-reason", "solved in store")));
        var done = await PostAsync(client, "withdraw", Fields(("token", withdrawToken), ("t", client.Token), ("withdraw-reason", "solved in store"), ("confirm", "yes")));
        var review = await PostAsync(client, "review", Fields(("token", reviewToken), ("t", client.Token)));

        Assert.Equal(HttpStatusCode.BadRequest, unconfirmed.StatusCode);
        Assert.Contains("<p id=\"confirm-error\" class=\"error field-error\">Please fill this in.</p>", await unconfirmed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, review.StatusCode);
        var closed = await PageAsync(client, "en");
        Assert.Contains("<td id=\"outcome\">withdrawn by the customer</td>", closed, StringComparison.Ordinal);
        Assert.Contains("<td id=\"stage\">Archived</td>", closed, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"deadline\"", closed, StringComparison.Ordinal);
        Assert.DoesNotContain("<form", closed, StringComparison.Ordinal);
        Assert.Contains("Your case is closed.", closed, StringComparison.Ordinal);
        var status = await client.StatusAsync();
        Assert.Equal(CaseOutcome.Withdrawn, status.Outcome);
        Assert.NotNull(status.ClosedAtUtc);
        await fixture.WaitForMailAsync(client.TrackingNumber, "casewithdrawn");
    }

    [Theory]
    [InlineData("message")]
    [InlineData("review")]
    [InlineData("withdraw")]
    public async Task TamperedOrForeignToken_400Page_NoChange(string step)
    {
        var client = await OpenCaseAsync();
        var token = TokenOf(await PageAsync(client), "review-form");
        var tampered = token[..^2] + (token[^1] == 'A' ? "BB" : "AA");

        var response = await PostAsync(client, step, Fields(("token", step == "review" ? tampered : token), ("t", client.Token), ("message", "x"), ("confirm", "yes")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("此表单无效", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Null((await client.StatusAsync()).Outcome);
    }
}
