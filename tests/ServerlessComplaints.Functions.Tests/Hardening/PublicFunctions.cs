using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using ServerlessComplaints.Functions.Http;
using ServerlessComplaints.Workflow.Api;
using ServerlessComplaints.Workflow.Calendar;
using ServerlessComplaints.Workflow.Orchestration;
using ServerlessComplaints.Workflow.Setup;

namespace ServerlessComplaints.Functions.Tests.Hardening;

/// <summary>
/// The Functions app's public HTTP functions as the host calls them, on in-memory stores. The requests used here are
/// answered before Durable is needed (an invalid tracking number, an invalid action token), so no Durable client is passed.
/// </summary>
internal sealed class PublicFunctions : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection()
        .AddComplaintWorkflow(new ComplaintCentreSettings())
        .AddLogging()
        .AddInMemoryCaseStores()
        .AddSingleton<IWorkflowClient, UnreachableWorkflowClient>()
        .BuildServiceProvider();

    public PublicFunctions(int permitsPerMinute = 1000)
    {
        Limiter = new PublicRateLimiter(permitsPerMinute);
        Complaints = new ComplaintFunctions(_services.GetRequiredService<IntakeHandler>(), _services.GetRequiredService<StatusHandler>(), Limiter);
        StatusPage = new StatusPageFunction(_services.GetRequiredService<StatusHandler>(), _services.GetRequiredService<BusinessCalendar>(), Limiter);
        ActionLinks = new ActionLinkFunctions(_services.GetRequiredService<ActionLinkHandler>());
    }

    public PublicRateLimiter Limiter { get; }

    public ComplaintFunctions Complaints { get; }

    public StatusPageFunction StatusPage { get; }

    public ActionLinkFunctions ActionLinks { get; }

    /// <summary>A request as the worker sees it behind the Functions host: from loopback, the client in X-Forwarded-For.</summary>
    public static HttpRequest Request(string method = "GET", string? forwardedFor = "203.0.113.7:51234", string? query = null)
    {
        var http = new DefaultHttpContext();
        http.Connection.RemoteIpAddress = IPAddress.Loopback;
        http.Request.Method = method;
        if (forwardedFor is not null)
        {
            http.Request.Headers["X-Forwarded-For"] = forwardedFor;
        }

        if (query is not null)
        {
            http.Request.QueryString = new QueryString(query);
        }

        return http.Request;
    }

    public void Dispose()
    {
        Limiter.Dispose();
        _services.Dispose();
    }
}
