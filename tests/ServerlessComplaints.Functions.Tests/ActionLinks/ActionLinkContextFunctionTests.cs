using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Primitives;
using ServerlessComplaints.Functions.Http;
using ServerlessComplaints.Functions.Tests.Engines;
using ServerlessComplaints.Functions.Tests.Hardening;
using ServerlessComplaints.Testing.Scenarios;
using ServerlessComplaints.Web.Hosting;
using ServerlessComplaints.Workflow.Cases;
using ServerlessComplaints.Workflow.Domain;
using ServerlessComplaints.Workflow.Evidence;
using ServerlessComplaints.Workflow.Lifecycle;
using ServerlessComplaints.Workflow.Lifecycle.Events;
using ServerlessComplaints.Workflow.Localization;
using ServerlessComplaints.Workflow.Notifications;
using ServerlessComplaints.Workflow.Security;

namespace ServerlessComplaints.Functions.Tests.ActionLinks;

/// <summary>
/// The pages mail links open carry the case: through the Functions app's ActionLink and EvidenceDownload triggers, on
/// the app's orchestrator over the real Durable Task engine, with the links the workflow actually mailed. A complaint
/// with a photo and a customer message goes to findings above the owner's limit; the approver's page shows the
/// complaint, findings, amount, proposer and both limits, the photo through a short-lived signed link; the execution
/// page shows the accepted offer. The customer's words arrive as markup and must be shown as text.
/// </summary>
public sealed partial class ActionLinkContextFunctionTests : IAsyncLifetime
{
    private const string TrackingNumber = "CMP-20261201-QK7Z3A";
    private const string Hostile = "<img src=x onerror=alert(1)>";
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52];

    private readonly HttpFunctions _functions = new();
    private DurableCaseEngine _engine = null!;

    public async Task InitializeAsync()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["RateLimits:PublicPerMinute"] = "1000" }).Build();
        _engine = await DurableCaseEngine.StartAsync(new Workflow.Setup.ComplaintCentreSettings(), s => s.AddLogging().AddComplaintCentreWeb(configuration));
    }

    public async Task DisposeAsync() => await _engine.DisposeAsync();

    [Fact]
    public async Task ApprovalThenExecutionLinks_ShowComplaintFindingsProposerLimitsSignedPhotoThenAcceptedOffer()
    {
        var submission = ComplaintScenarios.Submission("complaint", "product-quality") with { Description = "用了两天就不热了 " + Hostile, OrderReference = "SO-8823" };
        await _engine.SubmitAsync(submission, TrackingNumber);
        var photo = await _engine.Services.GetRequiredService<IEvidenceStore>().SaveAsync(TrackingNumber, "photo.png", "image/png", Png, default);
        await _engine.Services.GetRequiredService<ITimelineStore>().AppendAsync(
            TimelineEntry.Of(TrackingNumber, TrackingNumber + "-message-1", DateTime.UtcNow, "customer", TimelineCodes.CustomerMessage, true,
                new Dictionary<string, string> { [TimelineParameters.Text] = "还没人联系我 " + Hostile }),
            default);
        await _engine.WaitForAsync(TrackingNumber, CaseStage.Investigation, TimelineCodes.Received, 1);
        await _engine.RaiseAsync(TrackingNumber, WorkflowEvents.Findings,
            new FindingsSubmitted("zhang.wei", "加热盘缺陷", ResponsibleParty.Company, "同批次共三起，检测确认", new Remedy(RemedyType.Refund, 599m, "全额退款")));
        await _engine.WaitForAsync(TrackingNumber, CaseStage.Approval, TimelineCodes.ApprovalRequested, 1);
        var approvalToken = await LinkToAsync("wang.lei@example.cn", "approvalrequest");

        var (status, html) = await OpenAsync(approvalToken, "en");

        Assert.Equal(200, status);
        Assert.Contains("用了两天就不热了 &lt;img src=x onerror=alert(1)&gt;", html, StringComparison.Ordinal);
        Assert.Contains("还没人联系我 &lt;img src=x onerror=alert(1)&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain(Hostile, html, StringComparison.Ordinal);
        Assert.Contains(">SO-8823</dd>", html, StringComparison.Ordinal);
        Assert.Contains("同批次共三起，检测确认", html, StringComparison.Ordinal);
        Assert.Contains("加热盘缺陷", html, StringComparison.Ordinal);
        Assert.Contains("<dd class=\"remedy-amount\">CN¥599.00</dd>", html, StringComparison.Ordinal);
        Assert.Matches("<dd id=\"proposer\">.*张伟, case officer, Quality: approves up to CN¥200.00", html);
        Assert.Matches("<dd id=\"approver\">.*王磊, supervisor, Quality: approves up to CN¥1,000.00", html);
        Assert.Contains("CN¥599.00 is within your limit.", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/staff/cases/{TrackingNumber}?lang=en\"", html, StringComparison.Ordinal);

        // The photo: a preview and a link through a signed token for this one blob, valid for minutes; the blob's name is never in the page.
        var src = Regex.Match(html, "<img src=\"/evidence/([^\"]+)\"").Groups[1].Value;
        var links = _engine.Services.GetRequiredService<EvidenceLinks>();
        Assert.Equal(photo.BlobName, links.Read(src));
        var expiresAt = DateTimeOffset.FromUnixTimeSeconds(long.Parse(src.Split('.')[2], System.Globalization.CultureInfo.InvariantCulture));
        Assert.InRange(expiresAt, DateTimeOffset.UtcNow.AddMinutes(25), DateTimeOffset.UtcNow.AddMinutes(31));
        Assert.DoesNotContain(photo.BlobName, html, StringComparison.Ordinal);
        var (photoStatus, photoType) = await DownloadAsync(src);
        Assert.Equal((200, "image/png"), (photoStatus, photoType));
        Assert.Equal(404, (await DownloadAsync(src[..^2] + (src.EndsWith("AA", StringComparison.Ordinal) ? "BB" : "AA"))).Status);

        // Approve, the customer accepts: the owner's execution link shows the accepted offer.
        Assert.Equal(200, (await PostAsync(approvalToken, ("decision", "approve"))).Status);
        await _engine.WaitForAsync(TrackingNumber, CaseStage.Resolution, TimelineCodes.OfferSent, 1);
        await _engine.RaiseAsync(TrackingNumber, WorkflowEvents.CustomerResponse, new OfferResponse(true));
        await _engine.WaitForAsync(TrackingNumber, CaseStage.Execution, TimelineCodes.ExecutionRequested, 1);
        var acceptedAt = (await _engine.TimelineAsync(TrackingNumber)).Last(e => e.Action == TimelineCodes.OfferAccepted).AtUtc;

        var (executeStatus, execute) = await OpenAsync(await LinkToAsync("zhang.wei@example.cn", "executionrequest"), "zh-CN");

        Assert.Equal(200, executeStatus);
        Assert.Contains("<h2 id=\"accepted-heading\">客户接受的方案</h2>", execute, StringComparison.Ordinal);
        Assert.Matches(new Regex("<dl id=\"context-accepted\" class=\"facts\">.*<dd class=\"remedy-type\">退款</dd>.*<dd class=\"remedy-amount\">¥599.00</dd>.*全额退款", RegexOptions.Singleline), execute);
        var acceptedText = _engine.Services.GetRequiredService<CaseTimes>().At(acceptedAt, CaseCulture.Of(CaseLanguage.Chinese));
        Assert.Equal(acceptedText, WebUtility.HtmlDecode(Regex.Match(execute, "<dd id=\"accepted-at\">([^<]*)</dd>").Groups[1].Value));
        Assert.DoesNotContain("id=\"context-proposal\"", execute, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UsedLink_ShowsNoCaseContextOnlyTheNumberAndTheCaseLink()
    {
        await _engine.SubmitAsync(ComplaintScenarios.Submission("complaint", "product-quality"), TrackingNumber);
        await _engine.WaitForAsync(TrackingNumber, CaseStage.Investigation, TimelineCodes.Received, 1);
        var findings = await LinkToAsync("zhang.wei@example.cn", "assignment");
        var (viewStatus, view) = await OpenAsync(findings, "en");

        var done = await PostAsync(findings, ("rootCause", "加热盘缺陷"), ("responsibleParty", "company"), ("facts", "同批次"), ("remedy.type", "apology"), ("remedy.description", "致歉"));
        var (usedStatus, used) = await OpenAsync(findings, "en");

        Assert.Equal(200, viewStatus);
        Assert.Contains("id=\"context-description\"", view, StringComparison.Ordinal);
        Assert.Contains("id=\"no-evidence\"", view, StringComparison.Ordinal);
        Assert.Equal(200, done.Status);
        Assert.DoesNotContain("id=\"case-context\"", done.Html, StringComparison.Ordinal);
        Assert.Equal(410, usedStatus);
        Assert.DoesNotContain("id=\"case-context\"", used, StringComparison.Ordinal);
        Assert.DoesNotContain("浦东店购买", used, StringComparison.Ordinal);
        Assert.Contains($"href=\"/staff/cases/{TrackingNumber}?lang=en\"", used, StringComparison.Ordinal);
    }

    // The token of the action link in the newest mail of this kind to this address, once it is sent.
    private async Task<string> LinkToAsync(string address, string kind)
    {
        OutgoingMail? Find() => _engine.Services.GetRequiredService<InMemoryMailbox>().Mails
            .LastOrDefault(m => m.To == address && m.NotificationId.StartsWith(TrackingNumber, StringComparison.Ordinal) && m.NotificationId.EndsWith("-" + kind, StringComparison.Ordinal));
        await _engine.WaitUntilAsync(TrackingNumber, $"a {kind} mail to {address}", () => Task.FromResult(Find() is not null));
        var mail = Find()!;
        return ActionToken().Match(mail.TextBody) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("No action link in: " + mail.TextBody);
    }

    private HttpRequest NewRequest(string method, string query, params (string Name, string Value)[] route)
    {
        var http = PublicFunctions.NewContext(_engine.Services);
        http.Request.Method = method;
        http.Request.Scheme = "http";
        http.Request.Host = new HostString("127.0.0.1");
        http.Request.QueryString = new QueryString(query);
        http.Connection.RemoteIpAddress = IPAddress.Parse("203.0.113.9");
        foreach (var (name, value) in route)
        {
            http.Request.RouteValues[name] = value;
        }

        return http.Request;
    }

    private async Task<(int Status, string Html)> OpenAsync(string token, string lang)
    {
        var request = NewRequest("GET", "?lang=" + lang, ("token", token));
        await _functions.ActionLink(request, _engine.DurableClient);
        return (request.HttpContext.Response.StatusCode, PublicFunctions.Body(request));
    }

    private async Task<(int Status, string Html)> PostAsync(string token, params (string Key, string Value)[] fields)
    {
        var request = NewRequest("POST", "", ("token", token));
        request.ContentType = "application/x-www-form-urlencoded";
        request.Form = new FormCollection(fields.ToDictionary(f => f.Key, f => new StringValues(f.Value)));
        await _functions.ActionLink(request, _engine.DurableClient);
        return (request.HttpContext.Response.StatusCode, PublicFunctions.Body(request));
    }

    private async Task<(int Status, string? ContentType)> DownloadAsync(string token)
    {
        var request = NewRequest("GET", "", ("token", token));
        request.Headers.Accept = "image/avif,image/webp,image/*,*/*;q=0.8";
        await _functions.EvidenceDownload(request, _engine.DurableClient);
        return (request.HttpContext.Response.StatusCode, request.HttpContext.Response.ContentType);
    }

    [GeneratedRegex(@"/actions/([A-Za-z0-9._\-]+)")]
    private static partial Regex ActionToken();
}
