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
using ServerlessComplaints.Workflow.Lifecycle;
using ServerlessComplaints.Workflow.Notifications;
using ServerlessComplaints.Workflow.Orchestration;
using ServerlessComplaints.Workflow.Security;

namespace ServerlessComplaints.Functions.Tests.Recourse;

/// <summary>
/// The customer's recourse through the Functions app's triggers: the status page's forms, a review request and a
/// withdrawal, on the app's orchestrator and activities over the real Durable Task engine (DurableTaskTestHost) —
/// the same route table and Workflow service the local service runs.
/// </summary>
public sealed partial class RecourseFunctionTests : IAsyncLifetime
{
    private const string TrackingNumber = "CMP-20261123-7K3Q9Z";
    private DurableCaseEngine _engine = null!;
    private readonly HttpFunctions _functions = new();

    public async Task InitializeAsync()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["RateLimits:PublicPerMinute"] = "1000" }).Build();
        _engine = await DurableCaseEngine.StartAsync(ScenarioSettings.Create(), s => s.AddComplaintCentreWeb(configuration));
        await _engine.SubmitAsync(ComplaintScenarios.Submission("complaint", "product-quality"), TrackingNumber);
        await _engine.WaitUntilAsync(TrackingNumber, "investigation", async () => (await _engine.Client.GetStatusAsync(TrackingNumber))?.CustomStatusJson?.Contains("\"investigation\"", StringComparison.Ordinal) == true);
    }

    public async Task DisposeAsync() => await _engine.DisposeAsync();

    private string StatusToken => _engine.Services.GetRequiredService<StatusLinks>().PageUrl(TrackingNumber).Split("?t=")[1];

    private HttpRequest NewRequest(string method, string query = "")
    {
        var http = PublicFunctions.NewContext(_engine.Services);
        http.Request.Method = method;
        http.Request.Scheme = "http";
        http.Request.Host = new HostString("127.0.0.1");
        http.Request.QueryString = new QueryString(query);
        http.Connection.RemoteIpAddress = IPAddress.Parse("203.0.113.9");
        return http.Request;
    }

    private async Task<string> StatusPageAsync()
    {
        var request = NewRequest("GET", $"?t={Uri.EscapeDataString(StatusToken)}&lang=en");
        request.RouteValues["trackingNumber"] = TrackingNumber;
        await _functions.StatusPage(request, _engine.DurableClient);
        Assert.Equal(200, request.HttpContext.Response.StatusCode);
        return WebUtility.HtmlDecode(PublicFunctions.Body(request));
    }

    private async Task<HttpRequest> PostAsync(string step, params (string Key, string Value)[] fields)
    {
        var request = NewRequest("POST", "?lang=en");
        request.RouteValues["trackingNumber"] = TrackingNumber;
        request.RouteValues["step"] = step;
        request.ContentType = "application/x-www-form-urlencoded";
        request.Form = new FormCollection(fields.ToDictionary(f => f.Key, f => new StringValues(f.Value)));
        await _functions.Recourse(request, _engine.DurableClient);
        return request;
    }

    private static string TokenOf(string html, string form) =>
        Regex.Match(html, $"<form id=\"{form}\"[^>]*>.*?name=\"token\" value=\"([^\"]+)\"", RegexOptions.Singleline).Groups[1].Value;

    [Fact]
    public async Task ReviewThenWithdraw_ThroughTheFunctionsTriggers_RecordedMailedAndClosed()
    {
        var page = await StatusPageAsync();
        var (review, withdraw) = (TokenOf(page, "review-form"), TokenOf(page, "withdraw-form"));

        var reviewed = await PostAsync("review", ("token", review), ("t", StatusToken), ("reason", "No news for a week"));
        var reused = await PostAsync("review", ("token", review), ("t", StatusToken));
        var withdrawn = await PostAsync("withdraw", ("token", withdraw), ("t", StatusToken), ("confirm", "yes"));
        await _engine.WaitForEndAsync(TrackingNumber);

        Assert.Equal(200, reviewed.HttpContext.Response.StatusCode);
        Assert.Equal(410, reused.HttpContext.Response.StatusCode);
        Assert.Equal(200, withdrawn.HttpContext.Response.StatusCode);
        var mails = _engine.Services.GetRequiredService<InMemoryMailbox>().Mails;
        Assert.Contains(mails, m => m.NotificationId.EndsWith("-escalationrequested", StringComparison.Ordinal) && m.TextBody.Contains("No news for a week", StringComparison.Ordinal));
        Assert.Contains(mails, m => m.NotificationId.EndsWith("-casewithdrawn", StringComparison.Ordinal));
        Assert.Equal(WorkflowRuntimeStatus.Terminated, (await _engine.Client.GetStatusAsync(TrackingNumber))!.RuntimeStatus);
        var record = await _engine.RecordAsync(TrackingNumber);
        Assert.Equal(CaseOutcome.Withdrawn, record.Outcome);
        Assert.Equal(0, record.EscalationLevel);
        var closed = await StatusPageAsync();
        Assert.DoesNotContain("<form", closed, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"deadline\"", closed, StringComparison.Ordinal);
    }
}
