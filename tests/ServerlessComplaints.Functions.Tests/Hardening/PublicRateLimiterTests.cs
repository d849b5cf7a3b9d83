using System.Net;
using Microsoft.AspNetCore.Http;
using ServerlessComplaints.Web.Http;

namespace ServerlessComplaints.Functions.Tests.Hardening;

/// <summary>The public routes' per-client limit, through the functions the host calls (the route table's limiter).</summary>
public sealed class PublicRateLimiterTests : IDisposable
{
    private const int Limit = 3;
    private readonly PublicFunctions _app = new(Limit);

    [Fact]
    public async Task StatusAsync_OverTheLimitWithinTheWindow_Answers429WithRetryAfter()
    {
        var allowed = new List<int?>();
        for (var i = 0; i < Limit; i++)
        {
            allowed.Add(await StatusOfAsync(_app.Functions.GetComplaintStatus, Case()));
        }

        var limitedRequest = Case();
        await _app.Functions.GetComplaintStatus(limitedRequest, null!);

        Assert.All(allowed, status => Assert.Equal(404, status));
        Assert.Equal("Too many requests", PublicFunctions.ProblemTitle(limitedRequest, 429));
        var retryAfter = int.Parse(limitedRequest.HttpContext.Response.Headers.RetryAfter.ToString(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 60);
    }

    [Fact]
    public async Task PublicFunctions_OneClientOverTheLimit_AnotherClientUnaffected()
    {
        for (var i = 0; i < Limit; i++)
        {
            await _app.Functions.StatusPage(Case("203.0.113.7"), null!);
        }

        var limitedIntake = await StatusOfAsync(_app.Functions.SubmitComplaint, _app.Request("POST", "203.0.113.7"));
        var otherClientPage = await StatusOfAsync(_app.Functions.StatusPage, Case("198.51.100.20"));

        Assert.Equal(429, limitedIntake);
        Assert.Equal(404, otherClientPage);
    }

    [Fact]
    public async Task SubmitAsync_OverTheLimit_RefusedBeforeTheBodyIsRead()
    {
        for (var i = 0; i < Limit; i++)
        {
            Assert.NotEqual(429, await StatusOfAsync(_app.Functions.SubmitComplaint, _app.Request("POST")));
        }

        var limited = await StatusOfAsync(_app.Functions.SubmitComplaint, _app.Request("POST"));

        Assert.Equal(429, limited);
    }

    [Fact]
    public async Task StatusPage_SpoofedForwardedEntriesLeftOfThePlatformsOwn_CountAsTheSameClient()
    {
        for (var i = 0; i < Limit; i++)
        {
            await _app.Functions.StatusPage(Case($"10.9.9.{i}, 203.0.113.7:4000"), null!);
        }

        var limited = await StatusOfAsync(_app.Functions.StatusPage, Case("10.9.9.99, 203.0.113.7:4001"));

        Assert.Equal(429, limited);
    }

    [Theory]
    [InlineData("127.0.0.1", "203.0.113.7:51234", "203.0.113.7")]
    [InlineData("127.0.0.1", "6.6.6.6, 203.0.113.7", "203.0.113.7")]
    [InlineData("127.0.0.1", "[2001:db8::1]:443", "2001:db8::1")]
    [InlineData("198.51.100.2", "6.6.6.6", "198.51.100.2")]
    [InlineData("198.51.100.2", null, "198.51.100.2")]
    [InlineData("127.0.0.1", null, "127.0.0.1")]
    public void ClientOf_RemoteAddressAndForwardedHeader_ThePlatformsViewOfTheClient(string remote, string? forwardedFor, string expected)
    {
        var http = new DefaultHttpContext();
        http.Connection.RemoteIpAddress = IPAddress.Parse(remote);
        if (forwardedFor is not null)
        {
            http.Request.Headers["X-Forwarded-For"] = forwardedFor;
        }

        Assert.Equal(expected, PublicRateLimiter.ClientOf(http));
    }

    public void Dispose() => _app.Dispose();

    private Microsoft.AspNetCore.Http.HttpRequest Case(string forwardedFor = "203.0.113.7:51234") =>
        _app.Request(forwardedFor: forwardedFor, route: ("trackingNumber", "not-a-case"));

    private static async Task<int> StatusOfAsync(
        Func<Microsoft.AspNetCore.Http.HttpRequest, Microsoft.DurableTask.Client.DurableTaskClient, Task<Microsoft.AspNetCore.Mvc.IActionResult>> function,
        Microsoft.AspNetCore.Http.HttpRequest request)
    {
        await function(request, null!);
        return request.HttpContext.Response.StatusCode;
    }
}
