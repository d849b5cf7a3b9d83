using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using ServerlessComplaints.Functions.Durable;
using ServerlessComplaints.LocalHost.Pages;
using ServerlessComplaints.Workflow.Api;
using ServerlessComplaints.Workflow.Calendar;

namespace ServerlessComplaints.Functions.Http;

/// <summary><c>GET /status/{trackingNumber}?t=…</c>: the customer's status page, the same view and headers as LocalHost, rate-limited per client.</summary>
public sealed class StatusPageFunction(StatusHandler status, BusinessCalendar calendar, PublicRateLimiter limits)
{
    [Function("StatusPage")]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "status/{trackingNumber}")] HttpRequest request,
        string trackingNumber,
        [DurableClient] DurableTaskClient client)
    {
        if (limits.Refuse(request) is { } tooMany)
        {
            return tooMany;
        }

        AmbientWorkflowClient.Use(client);
        PageSecurity.ApplyToPage(request.HttpContext.Response);
        var view = await status.FindAsync(trackingNumber, request.Query["t"].ToString(), null, request.HttpContext.RequestAborted);
        return view is null
            ? new ContentResult { StatusCode = 404, ContentType = "text/html; charset=utf-8", Content = Html.Page("Not found", "<h1>未找到该案件 · Case not found</h1>") }
            : new ContentResult { StatusCode = 200, ContentType = "text/html; charset=utf-8", Content = StatusPageView.Render(view, calendar.TimeZone) };
    }
}
