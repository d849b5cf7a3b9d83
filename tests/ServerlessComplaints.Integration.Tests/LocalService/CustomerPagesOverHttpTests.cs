using System.Net;
using System.Text.RegularExpressions;
using ServerlessComplaints.Workflow.Cases;
using ServerlessComplaints.Workflow.Intake;
using ServerlessComplaints.Workflow.Lifecycle;
using ServerlessComplaints.Workflow.Localization;

namespace ServerlessComplaints.Integration.Tests.LocalService;

/// <summary>
/// The customer's pages as a browser without JavaScript uses them: the form posted as multipart to "/", its errors
/// beside the fields in the page's language, the confirmation page after a redirect, the status page and the action
/// pages in either language.
/// </summary>
[Collection(LocalServiceCollection.Name)]
public partial class CustomerPagesOverHttpTests(LocalServiceFixture fixture)
{
    private static MultipartFormDataContent Form(string language, string key, string email, string subject = "电饭煲无法加热") => new()
    {
        { new StringContent(language), "language" }, { new StringContent(key), "idempotencyKey" },
        { new StringContent("complaint"), "kind" }, { new StringContent("product-quality"), "category" },
        { new StringContent(subject), "subject" }, { new StringContent("使用两天后无法加热，见附图。"), "description" },
        { new StringContent("王芳"), "customer.name" }, { new StringContent(email), "customer.email" },
        { new StringContent("浦东店"), "location" },
    };

    private HttpClient NoRedirects() => new(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = fixture.Http.BaseAddress };

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public async Task FormPost_WithoutScriptAndAnInvalidEmail_SamePageKeepsWhatWasTypedAndShowsTheErrorInThePagesLanguage(string language)
    {
        using var http = NoRedirects();
        var subject = "Kettle <b>leaks</b> " + language;

        var response = await http.PostAsync("/", Form(language, Guid.NewGuid().ToString("N"), "not-an-email", subject));

        var html = await response.Content.ReadAsStringAsync();
        var expected = WebUtility.HtmlEncode(new IntakeError("customer.email", "email-invalid").Message(CaseCulture.Of(language)));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"<html lang=\"{language}\">", html, StringComparison.Ordinal);
        Assert.Matches($"<p id=\"email-error\" class=\"error field-error\" data-error-for=\"customer.email\">{Regex.Escape(expected)}</p>", html);
        Assert.Contains("value=\"not-an-email\"", html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{WebUtility.HtmlEncode(subject)}\"", html, StringComparison.Ordinal);
        Assert.Contains("使用两天后无法加热，见附图。</textarea>", html, StringComparison.Ordinal);
        Assert.Matches("<input id=\"email\"[^>]*aria-invalid=\"true\"[^>]*autofocus", html);
        Assert.DoesNotContain("customer.email:", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FormPost_Valid_RedirectsToItsConfirmationPageWithTrackingNumberDeadlineMaskedEmailAndStatusLink()
    {
        using var http = NoRedirects();

        var response = await http.PostAsync("/", Form("en", Guid.NewGuid().ToString("N"), "li.na@example.cn"));
        var location = response.Headers.Location!.ToString();
        var page = await http.GetAsync(location);

        var html = await page.Content.ReadAsStringAsync();
        var trackingNumber = TrackingNumberIn().Match(location).Groups[1].Value;
        var statusLink = StatusLinkIn().Match(html).Groups[1].Value;
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.StartsWith("/submitted/", location, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains($"<strong id=\"tracking-number\">{trackingNumber}</strong>", html, StringComparison.Ordinal);
        Assert.Contains("li•••@example.cn", html, StringComparison.Ordinal);
        Assert.DoesNotContain("li.na@example.cn", html, StringComparison.Ordinal);
        Assert.Matches("<p id=\"deadline\">We will respond by [^<]*\\(UTC[+-]?[0-9:]*\\)\\.</p>", WebUtility.HtmlDecode(html));
        Assert.StartsWith($"/status/{trackingNumber}?t=", WebUtility.HtmlDecode(statusLink), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(WebUtility.HtmlDecode(statusLink))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"/submitted/{trackingNumber}?t=wrong-token-wrong-token-x")).StatusCode);
    }

    [Fact]
    public async Task FormPost_SameIdempotencyKeyTwice_OneCase()
    {
        using var http = NoRedirects();
        var key = Guid.NewGuid().ToString("N");

        var first = await http.PostAsync("/", Form("zh-CN", key, "zhao.lei@example.cn"));
        var second = await http.PostAsync("/", Form("zh-CN", key, "zhao.lei@example.cn"));

        Assert.Equal(HttpStatusCode.SeeOther, first.StatusCode);
        Assert.Equal(HttpStatusCode.SeeOther, second.StatusCode);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
    }

    [Fact]
    public async Task StatusPage_InEnglishAndChinese_StageAndTimelineByNameNoRawCodes()
    {
        var client = new CaseClient(fixture);
        await client.SubmitAsync(CaseClient.Submission("complaint"));
        await client.WaitForStageAsync(CaseStage.Investigation);

        var chinese = await fixture.Http.GetStringAsync($"/status/{client.TrackingNumber}?t={client.Token}");
        var english = await fixture.Http.GetStringAsync($"/status/{client.TrackingNumber}?t={client.Token}&lang=en");

        Assert.Contains("<html lang=\"zh-CN\">", chinese, StringComparison.Ordinal);
        Assert.Contains($"<td id=\"stage\">{CaseLabels.Stage(CaseStage.Investigation, CaseCulture.Chinese)}</td>", chinese, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"en\">", english, StringComparison.Ordinal);
        Assert.Contains("<td id=\"stage\">Under investigation</td>", english, StringComparison.Ordinal);
        Assert.Contains("lang=en", chinese, StringComparison.Ordinal);
        foreach (var html in new[] { chinese, english })
        {
            Assert.DoesNotContain(">investigation<", html, StringComparison.Ordinal);
            Assert.DoesNotContain("channel: web", html, StringComparison.Ordinal);
            Assert.Matches(@"\(UTC[+-]?[0-9:]*\)", WebUtility.HtmlDecode(html));
            Assert.Contains("id=\"deadline\"", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task TamperedStatusLink_ShowsTheNotFoundPageInTheLanguageAsked()
    {
        var english = await (await fixture.Http.GetAsync("/status/CP-20990101-0001?t=xx&lang=en")).Content.ReadAsStringAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/actions/not-a-valid-token");
        request.Headers.AcceptLanguage.ParseAdd("en-GB,en;q=0.8");
        var action = await (await fixture.Http.SendAsync(request)).Content.ReadAsStringAsync();

        Assert.Contains("<html lang=\"en\">", english, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"en\">", action, StringComparison.Ordinal);
        Assert.DoesNotContain("链接无效", action, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OfferAndSurveyPages_NothingPreselected_LabelledScale_SubmitWithoutAChoiceRefused()
    {
        var client = new CaseClient(fixture);
        await client.SubmitAsync(CaseClient.Submission("complaint"));
        var findings = ActionLinkIn((await fixture.WaitForMailAsync(client.TrackingNumber, "assignment", "zhang.wei@example.cn")).Text);
        await PostAsync(findings, ("rootCause", "加热盘缺陷"), ("responsibleParty", "company"), ("facts", "同批次"), ("remedy.type", "refund"), ("remedy.amount", "599"), ("remedy.description", "退款599元"));
        var approval = ActionLinkIn((await fixture.WaitForMailAsync(client.TrackingNumber, "approvalrequest", "wang.lei@example.cn")).Text);
        var approvalWithoutChoice = await PostAsync(approval, ("comment", "同意"));
        await PostAsync(approval, ("decision", "approve"), ("comment", "同意"));
        var offer = ActionLinkIn((await fixture.WaitForMailAsync(client.TrackingNumber, "offer", CaseClient.CustomerEmail)).Text);

        var offerPage = await fixture.Http.GetStringAsync(new Uri(offer).PathAndQuery);
        var offerWithoutChoice = await PostAsync(offer, ("comment", "x"));
        await PostAsync(offer, ("decision", "accept"));
        var execute = ActionLinkIn((await fixture.WaitForMailAsync(client.TrackingNumber, "executionrequest", "zhang.wei@example.cn")).Text);
        await PostAsync(execute, ("reference", "RF-1"));
        var survey = ActionLinkIn((await fixture.WaitForMailAsync(client.TrackingNumber, "survey", CaseClient.CustomerEmail)).Text);
        await client.WaitForStageAsync(CaseStage.FollowUp);
        await client.WaitForTimelineAsync(TimelineCodes.SurveySent);
        var surveyPage = await fixture.Http.GetStringAsync(new Uri(survey).PathAndQuery + "?lang=en");
        var surveyWithoutChoice = await PostAsync(survey, ("comment", "好"));
        var status = await fixture.Http.GetStringAsync($"/status/{client.TrackingNumber}?t={client.Token}");

        Assert.Equal(HttpStatusCode.BadRequest, approvalWithoutChoice.StatusCode);
        Assert.Contains("type=\"radio\" id=\"decision-accept\"", offerPage, StringComparison.Ordinal);
        Assert.DoesNotContain("checked", offerPage, StringComparison.Ordinal);
        Assert.DoesNotContain("selected", offerPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, offerWithoutChoice.StatusCode);
        Assert.Contains("请选择一项。", await offerWithoutChoice.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("checked", surveyPage, StringComparison.Ordinal);
        Assert.Contains("1 — very dissatisfied", surveyPage, StringComparison.Ordinal);
        Assert.Contains("5 — very satisfied", surveyPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, surveyWithoutChoice.StatusCode);
        Assert.Matches("<p id=\"rating-error\" class=\"error field-error\">请选择一项。</p>", await surveyWithoutChoice.Content.ReadAsStringAsync());
        // After execution the centre's response deadline no longer applies: the survey's window does.
        Assert.Contains("<th>请提交评价</th><td id=\"deadline\">", status, StringComparison.Ordinal);
        Assert.DoesNotContain("我们的答复期限", status, StringComparison.Ordinal);
        Assert.DoesNotContain("offer-sent", status, StringComparison.Ordinal);
    }

    private async Task<HttpResponseMessage> PostAsync(string url, params (string Key, string Value)[] fields) =>
        await fixture.Http.PostAsync(new Uri(url).PathAndQuery, new FormUrlEncodedContent(fields.Select(f => KeyValuePair.Create(f.Key, f.Value))));

    private static string ActionLinkIn(string text) => ActionUrl().Match(text) is { Success: true } m ? m.Value : throw new InvalidOperationException("no action link in: " + text);

    [GeneratedRegex(@"http://[^\s""<>]+/actions/[A-Za-z0-9._\-]+")]
    private static partial Regex ActionUrl();

    [GeneratedRegex(@"^/submitted/([A-Z0-9-]+)\?")]
    private static partial Regex TrackingNumberIn();

    [GeneratedRegex("<a id=\"status-link\" href=\"([^\"]+)\"")]
    private static partial Regex StatusLinkIn();
}
