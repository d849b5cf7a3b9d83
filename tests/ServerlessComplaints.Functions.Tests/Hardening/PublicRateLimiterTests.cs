using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using ServerlessComplaints.Functions.Http;
using ServerlessComplaints.Workflow.Api;

namespace ServerlessComplaints.Functions.Tests.Hardening;

/// <summary>The public routes' per-client limit, through the functions the host calls.</summary>
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
            allowed.Add(StatusOf(await _app.Complaints.StatusAsync(PublicFunctions.Request(), "not-a-case", null!)));
        }

        var limitedRequest = PublicFunctions.Request();
        var limited = await _app.Complaints.StatusAsync(limitedRequest, "not-a-case", null!);

        Assert.All(allowed, status => Assert.Equal(404, status));
        var problem = Assert.IsType<ProblemBody>(Assert.IsType<ObjectResult>(limited).Value);
        Assert.Equal(429, problem.Status);
        var retryAfter = int.Parse(limitedRequest.HttpContext.Response.Headers.RetryAfter.ToString(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 60);
    }

    [Fact]
    public async Task PublicFunctions_OneClientOverTheLimit_AnotherClientUnaffected()
    {
        for (var i = 0; i < Limit; i++)
        {
            await _app.StatusPage.RunAsync(PublicFunctions.Request(forwardedFor: "203.0.113.7"), "not-a-case", null!);
        }

        var limitedIntake = await _app.Complaints.SubmitAsync(PublicFunctions.Request("POST", "203.0.113.7"), null!);
        var otherClientPage = await _app.StatusPage.RunAsync(PublicFunctions.Request(forwardedFor: "198.51.100.20"), "not-a-case", null!);

        Assert.Equal(429, StatusOf(limitedIntake));
        Assert.Equal(404, StatusOf(otherClientPage));
    }

    [Fact]
    public async Task SubmitAsync_OverTheLimit_RefusedBeforeTheBodyIsRead()
    {
        for (var i = 0; i < Limit; i++)
        {
            Assert.NotEqual(429, StatusOf(await _app.Complaints.SubmitAsync(PublicFunctions.Request("POST"), null!)));
        }

        var limited = await _app.Complaints.SubmitAsync(PublicFunctions.Request("POST"), null!);

        Assert.Equal(429, StatusOf(limited));
    }

    [Fact]
    public async Task StatusPage_SpoofedForwardedEntriesLeftOfThePlatformsOwn_CountAsTheSameClient()
    {
        for (var i = 0; i < Limit; i++)
        {
            await _app.StatusPage.RunAsync(PublicFunctions.Request(forwardedFor: $"10.9.9.{i}, 203.0.113.7:4000"), "not-a-case", null!);
        }

        var limited = await _app.StatusPage.RunAsync(PublicFunctions.Request(forwardedFor: "10.9.9.99, 203.0.113.7:4001"), "not-a-case", null!);

        Assert.Equal(429, StatusOf(limited));
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

    private static int? StatusOf(IActionResult result) => result switch
    {
        ObjectResult o => o.StatusCode,
        ContentResult c => c.StatusCode,
        StatusCodeResult s => s.StatusCode,
        _ => null,
    };
}
