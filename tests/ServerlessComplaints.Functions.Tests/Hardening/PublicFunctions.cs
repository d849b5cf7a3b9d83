using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ServerlessComplaints.Functions.Http;
using ServerlessComplaints.Web.Hosting;
using ServerlessComplaints.Web.Http;
using ServerlessComplaints.Web.Staff;
using ServerlessComplaints.Workflow.Setup;

namespace ServerlessComplaints.Functions.Tests.Hardening;

/// <summary>
/// The Functions app's HTTP triggers as the host calls them, on in-memory stores: each request carries the worker's
/// request services and a response body to read back. The requests used here are answered before Durable is needed
/// (an invalid tracking number, an invalid action token, a refused sign-in), so no Durable client is passed (null).
/// </summary>
internal sealed class PublicFunctions : IDisposable
{
    private readonly ServiceProvider _services;

    public PublicFunctions(int permitsPerMinute = 1000, IStaffSignIn? staffSignIn = null, Action<IServiceCollection>? configure = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["RateLimits:PublicPerMinute"] = permitsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture) })
            .Build();
        var services = new ServiceCollection()
            .AddComplaintWorkflow(new ComplaintCentreSettings())
            .AddLogging()
            .AddInMemoryCaseStores()
            .AddComplaintCentreWeb(configuration);
        if (staffSignIn is not null)
        {
            services.AddSingleton(staffSignIn);
        }

        configure?.Invoke(services);
        _services = services.BuildServiceProvider();
    }

    public HttpFunctions Functions { get; } = new();

    public PublicRateLimiter Limiter => _services.GetRequiredService<PublicRateLimiter>();

    /// <summary>A request as the worker sees it behind the Functions host: from loopback, the client in X-Forwarded-For.</summary>
    public HttpRequest Request(string method = "GET", string? forwardedFor = "203.0.113.7:51234", string? query = null, params (string Name, string Value)[] route)
    {
        var http = NewContext(_services);
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

        foreach (var (name, value) in route)
        {
            http.Request.RouteValues[name] = value;
        }

        return http.Request;
    }

    /// <summary>A fresh context on the given services (the worker's request services), its response body readable.</summary>
    public static DefaultHttpContext NewContext(IServiceProvider services) =>
        new() { RequestServices = services, Response = { Body = new MemoryStream() } };

    public static string Body(HttpRequest request)
    {
        var body = (MemoryStream)request.HttpContext.Response.Body;
        return System.Text.Encoding.UTF8.GetString(body.ToArray());
    }

    /// <summary>The RFC 7807 answer: status, problem content type and its title.</summary>
    public static string ProblemTitle(HttpRequest request, int status)
    {
        Assert.Equal(status, request.HttpContext.Response.StatusCode);
        Assert.StartsWith("application/problem+json", request.HttpContext.Response.ContentType, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(Body(request));
        Assert.Equal(status, json.RootElement.GetProperty("status").GetInt32());
        return json.RootElement.GetProperty("title").GetString()!;
    }

    public void Dispose() => _services.Dispose();
}
