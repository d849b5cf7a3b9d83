using ServerlessComplaints.Workflow.Api;

namespace ServerlessComplaints.LocalHost.Pages;

/// <summary><c>GET /status/{trackingNumber}</c>: the customer's view of a case in zh-CN or en.</summary>
internal static class StatusPage
{
    public static IEndpointRouteBuilder MapStatusPage(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/status/{trackingNumber}", async (string trackingNumber, string? t, StatusHandler status, Workflow.Calendar.BusinessCalendar calendar, CancellationToken ct) =>
        {
            var view = await status.FindAsync(trackingNumber, t, null, ct);
            return view is null
                ? Results.Content(Html.Page("Not found", "<h1>未找到该案件 · Case not found</h1><p>请使用受理邮件中的链接。Please use the link from your acknowledgement email.</p>"), "text/html; charset=utf-8", statusCode: 404)
                : Results.Content(StatusPageView.Render(view, calendar.TimeZone), "text/html; charset=utf-8");
        }).RequireRateLimiting(Api.RateLimits.Public);
        return routes;
    }
}
