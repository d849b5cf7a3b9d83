using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace ServerlessComplaints.Integration.Tests.LocalService;

// One cell of the authorization table per entry point, over real HTTP (the table itself: CaseAuthorizationTests).
[Collection(LocalServiceCollection.Name)]
public partial class AuthorizationOverHttpTests(LocalServiceFixture fixture)
{
    private const string Owner = "zhang.wei";
    private const string Supervisor = "wang.lei";

    [Fact]
    public async Task StaffApi_OtherDepartmentAndWrongRoleRefused_OfferWhileCustomerDecides409AndNeverQueued()
    {
        var client = new CaseClient(fixture);
        await client.SubmitAsync(CaseClient.Submission("complaint"));
        await fixture.WaitForMailAsync(client.TrackingNumber, "assignment", "zhang.wei@example.cn");
        object Findings(decimal amount) => new { rootCause = "加热盘缺陷", responsibleParty = "company", facts = "同批次", remedy = new { type = "refund", amount, description = "退款" } };

        var otherJunior = await client.ActAsync("liu.yang", "findings", Findings(100));
        var otherManagerHold = await client.ActAsync("yang.lei", "legal-hold", new { hold = true, reason = "x" });
        var otherManagerExtend = await client.ActAsync("yang.lei", "extend", new { reason = "x" });
        var findings = await client.ActAsync(Owner, "findings", Findings(599));
        await fixture.WaitForMailAsync(client.TrackingNumber, "approvalrequest", "wang.lei@example.cn");
        var otherSupervisorApproves = await client.ActAsync("chen.jing", "approve", new { comment = "ok" });
        var ownerApproves = await client.ActAsync(Owner, "approve", new { comment = "ok" });
        await client.ActAcceptedAsync(Supervisor, "approve", new { comment = "同意" });
        var offerMail = await fixture.WaitForMailAsync(client.TrackingNumber, "offer", CaseClient.CustomerEmail);
        var earlyOffer = await client.ActAsync(Owner, "offer", new { remedy = new { type = "coupon", amount = 1, description = "早到的报价" } });
        var otherJuniorFinalOffer = await client.ActAsync("liu.yang", "offer", new { remedy = new { type = "compensation", amount = 888_888, description = "x" } });
        await PostFormAsync(LinkIn(offerMail.Text), ("decision", "decline"), ("comment", "想换货"));
        await fixture.WaitForMailAsync(client.TrackingNumber, "revisionrequest", "zhang.wei@example.cn");
        await client.ActAcceptedAsync(Owner, "offer", new { remedy = new { type = "exchange", amount = 0, description = "换新机" } });
        var secondOffer = await fixture.WaitForMailAsync(client.TrackingNumber, "offer", CaseClient.CustomerEmail, count: 2);
        var timeline = (await client.StaffDetailAsync(Owner)).GetProperty("timeline").EnumerateArray().Select(e => e.TryGetProperty("detail", out var d) ? d.GetString() ?? "" : "").ToList();

        await AssertStatus(HttpStatusCode.Forbidden, otherJunior);
        await AssertStatus(HttpStatusCode.Forbidden, otherManagerHold);
        await AssertStatus(HttpStatusCode.Forbidden, otherManagerExtend);
        await AssertStatus(HttpStatusCode.Accepted, findings);
        Assert.True((await findings.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("approvalRequired").GetBoolean());
        await AssertStatus(HttpStatusCode.Forbidden, otherSupervisorApproves);
        await AssertStatus(HttpStatusCode.Forbidden, ownerApproves);
        await AssertStatus(HttpStatusCode.Conflict, earlyOffer);
        await AssertStatus(HttpStatusCode.Forbidden, otherJuniorFinalOffer);
        Assert.Contains("换新机", secondOffer.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(timeline, d => d.Contains("早到的报价", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ActionLink_ForAnEarlierNegotiationRound_Is409_TheCurrentOneWorks()
    {
        var client = new CaseClient(fixture);
        await client.SubmitAsync(CaseClient.Submission("complaint"));
        await fixture.WaitForMailAsync(client.TrackingNumber, "assignment", "zhang.wei@example.cn");
        await client.ActAcceptedAsync(Owner, "findings", new { rootCause = "rc", responsibleParty = "company", facts = "f", remedy = new { type = "coupon", amount = 50, description = "代金券" } });
        await PostFormAsync(LinkIn((await fixture.WaitForMailAsync(client.TrackingNumber, "offer", CaseClient.CustomerEmail)).Text), ("decision", "decline"), ("comment", "不够"));
        var firstRevisionLink = LinkIn((await fixture.WaitForMailAsync(client.TrackingNumber, "revisionrequest", "zhang.wei@example.cn")).Text);
        // The owner answers round 1 through the API, so the round 1 link stays unused.
        await client.ActAcceptedAsync(Owner, "offer", new { remedy = new { type = "coupon", amount = 100, description = "100元代金券" } });
        await PostFormAsync(LinkIn((await fixture.WaitForMailAsync(client.TrackingNumber, "offer", CaseClient.CustomerEmail, count: 2)).Text), ("decision", "decline"), ("comment", "还是不够"));
        var secondRevisionLink = LinkIn((await fixture.WaitForMailAsync(client.TrackingNumber, "revisionrequest", "zhang.wei@example.cn", count: 2)).Text);

        var stale = await PostFormAsync(firstRevisionLink, ("remedy.type", "coupon"), ("remedy.amount", "1"), ("remedy.description", "旧链接"));
        var current = await PostFormAsync(secondRevisionLink, ("remedy.type", "coupon"), ("remedy.amount", "150"), ("remedy.description", "150元代金券"));
        var thirdOffer = await fixture.WaitForMailAsync(client.TrackingNumber, "offer", CaseClient.CustomerEmail, count: 3);

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(HttpStatusCode.OK, current.StatusCode);
        Assert.Contains("150元代金券", thirdOffer.Text, StringComparison.Ordinal);
    }

    private static async Task AssertStatus(HttpStatusCode expected, HttpResponseMessage response) =>
        Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");

    private async Task<HttpResponseMessage> PostFormAsync(string url, params (string Key, string Value)[] fields) =>
        await fixture.Http.PostAsync(new Uri(url).PathAndQuery, new FormUrlEncodedContent(fields.Select(f => KeyValuePair.Create(f.Key, f.Value))));

    private static string LinkIn(string text) => ActionUrl().Match(text) is { Success: true } m ? m.Value : throw new InvalidOperationException("no action link in: " + text);

    [GeneratedRegex(@"http://[^\s""<>]+/actions/[A-Za-z0-9._\-]+")]
    private static partial Regex ActionUrl();
}
