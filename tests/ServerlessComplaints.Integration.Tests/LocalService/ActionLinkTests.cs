using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using ServerlessComplaints.Harness.Dispatch;
using ServerlessComplaints.Workflow.Lifecycle;
using ServerlessComplaints.Workflow.Security;

namespace ServerlessComplaints.Integration.Tests.LocalService;

[Collection(LocalServiceCollection.Name)]
public partial class ActionLinkTests(LocalServiceFixture fixture)
{
    private static string LinkIn(string text) => ActionUrl().Match(text) is { Success: true } m ? m.Value : throw new InvalidOperationException("no action link in: " + text);

    private async Task<HttpResponseMessage> PostFormAsync(string url, params (string Key, string Value)[] fields) =>
        await fixture.Http.PostAsync(new Uri(url).PathAndQuery, new FormUrlEncodedContent(fields.Select(f => KeyValuePair.Create(f.Key, f.Value))));

    private async Task<ActionTokens> TokensAsync(DateTimeOffset now)
    {
        var secrets = JsonSerializer.Deserialize<JsonElement>(await File.ReadAllTextAsync(Path.Combine(fixture.DataDirectory, "dev-secrets.json")));
        var options = new ActionTokenOptions { ActiveKeyId = "dev" };
        options.Keys["dev"] = secrets.GetProperty("ActionTokenKey").GetString()!;
        return new ActionTokens(options, new ManualTimeProvider(now));
    }

    [Fact]
    public async Task WholeComplaint_DrivenByMailLinks_GetNeverActsPostActsOnce()
    {
        var client = new CaseClient(fixture);
        await client.SubmitAsync(CaseClient.Submission("complaint"));
        var findingsLink = LinkIn((await fixture.WaitForMailAsync(client.TrackingNumber, "assignment", "zhang.wei@example.cn")).Text);

        var preview = await fixture.Http.GetAsync(new Uri(findingsLink).PathAndQuery);
        var previewAgain = await fixture.Http.GetAsync(new Uri(findingsLink).PathAndQuery);
        var stageAfterGets = (await client.StatusAsync()).Stage;
        var done = await PostFormAsync(findingsLink, ("rootCause", "加热盘缺陷"), ("responsibleParty", "company"), ("facts", "同批次"),
            ("remedy.type", "refund"), ("remedy.amount", "599"), ("remedy.description", "退款599元"));
        var replay = await PostFormAsync(findingsLink, ("rootCause", "x"), ("responsibleParty", "company"), ("facts", "x"), ("remedy.type", "apology"), ("remedy.description", "x"));
        var approvalLink = LinkIn((await fixture.WaitForMailAsync(client.TrackingNumber, "approvalrequest", "wang.lei@example.cn")).Text);
        Assert.Equal(HttpStatusCode.OK, (await PostFormAsync(approvalLink, ("decision", "approve"), ("comment", "同意"))).StatusCode);
        var offerLink = LinkIn((await fixture.WaitForMailAsync(client.TrackingNumber, "offer", CaseClient.CustomerEmail)).Text);
        Assert.Equal(HttpStatusCode.OK, (await PostFormAsync(offerLink, ("decision", "accept"))).StatusCode);
        var executeLink = LinkIn((await fixture.WaitForMailAsync(client.TrackingNumber, "executionrequest", "zhang.wei@example.cn")).Text);
        Assert.Equal(HttpStatusCode.OK, (await PostFormAsync(executeLink, ("reference", "RF-1"))).StatusCode);
        var surveyLink = LinkIn((await fixture.WaitForMailAsync(client.TrackingNumber, "survey", CaseClient.CustomerEmail)).Text);
        await client.WaitForStageAsync(CaseStage.FollowUp);
        Assert.Equal(HttpStatusCode.OK, (await PostFormAsync(surveyLink, ("rating", "5"), ("comment", "好"))).StatusCode);
        var final = await client.WaitForStageAsync(CaseStage.Archived);

        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Contains("<form id=\"action-form\" method=\"post\"", await preview.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, previewAgain.StatusCode);
        Assert.Equal(CaseStage.Investigation, stageAfterGets);
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Equal(HttpStatusCode.Gone, replay.StatusCode);
        Assert.Contains("已使用过", await replay.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(CaseOutcome.Resolved, final.Outcome);
    }

    [Fact]
    public async Task TamperedExpiredAndWrongActorLinks_ClearPagesAndNothingChanges()
    {
        var client = new CaseClient(fixture);
        await client.SubmitAsync(CaseClient.Submission("complaint"));
        var link = LinkIn((await fixture.WaitForMailAsync(client.TrackingNumber, "assignment", "zhang.wei@example.cn")).Text);
        var parts = link.Split('/').Last().Split('.');
        var tampered = $"/actions/{parts[0]}.{parts[1][..^2]}AA.{parts[2]}";
        var expired = (await TokensAsync(DateTimeOffset.UtcNow.AddDays(-30))).Issue(client.TrackingNumber, "findings", "zhang.wei");
        var wrongActor = (await TokensAsync(DateTimeOffset.UtcNow)).Issue(client.TrackingNumber, "customer-response", "zhang.wei");
        var notOpen = (await TokensAsync(DateTimeOffset.UtcNow)).Issue(client.TrackingNumber, "execute", "zhang.wei");
        (string, string)[] fields = [("rootCause", "x"), ("responsibleParty", "company"), ("facts", "x"), ("remedy.type", "apology"), ("remedy.description", "x")];

        var tamperedPost = await fixture.Http.PostAsync(tampered, new FormUrlEncodedContent(fields.Select(f => KeyValuePair.Create(f.Item1, f.Item2))));
        var expiredPost = await fixture.Http.PostAsync($"/actions/{expired}", new FormUrlEncodedContent(fields.Select(f => KeyValuePair.Create(f.Item1, f.Item2))));
        var wrongActorGet = await fixture.Http.GetAsync($"/actions/{wrongActor}");
        var notOpenGet = await fixture.Http.GetAsync($"/actions/{notOpen}");

        Assert.Equal(HttpStatusCode.BadRequest, tamperedPost.StatusCode);
        Assert.Equal(HttpStatusCode.Gone, expiredPost.StatusCode);
        Assert.Contains("已过期", await expiredPost.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, wrongActorGet.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, notOpenGet.StatusCode);
        Assert.Equal(CaseStage.Investigation, (await client.StatusAsync()).Stage);
        Assert.Equal(HttpStatusCode.OK, (await fixture.Http.GetAsync(new Uri(link).PathAndQuery)).StatusCode);
    }

    [GeneratedRegex(@"http://[^\s""<>]+/actions/[A-Za-z0-9._\-]+")]
    private static partial Regex ActionUrl();
}
