using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;

namespace ServerlessComplaints.Web.Http;

/// <summary>
/// The per-client limit on the public routes (intake, status JSON, status page) — both hosts: a fixed
/// one-minute window of <c>RateLimits:PublicPerMinute</c> requests (default 60) per client address, no queue; over
/// it a 429 with <c>Retry-After</c> (a page on a page route, else a problem). The route runner asks it first, before any storage or Durable call.
/// </summary>
public sealed class PublicRateLimiter : IDisposable
{
    public const string ConfigurationKey = "RateLimits:PublicPerMinute";

    public const int DefaultPerMinute = 60;

    private readonly PartitionedRateLimiter<string> _limiter;
    private readonly TimeSpan _window;

    public PublicRateLimiter(int permitsPerMinute)
        : this(permitsPerMinute, TimeSpan.FromMinutes(1))
    {
    }

    internal PublicRateLimiter(int permits, TimeSpan window)
    {
        _window = window;
        _limiter = PartitionedRateLimiter.Create<string, string>(client => RateLimitPartition.GetFixedWindowLimiter(
            client, _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0 }));
    }

    /// <summary>Null when the caller may go on; otherwise the 429 answer to return (a page when <paramref name="page"/>), in the caller's language.</summary>
    public IResult? Refuse(HttpRequest request, bool page = false)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var lease = _limiter.AttemptAcquire(ClientOf(request.HttpContext));
        if (lease.IsAcquired)
        {
            return null;
        }

        var wait = lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : _window;
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        return WebProblems.Failure(
            page, StatusCodes.Status429TooManyRequests, WebProblems.Kinds.TooManyRequests, new Dictionary<string, string> { ["seconds"] = seconds }, new Dictionary<string, string> { ["Retry-After"] = seconds });
    }

    /// <summary>
    /// The client's address. In Azure the front end appends the address it saw to <c>X-Forwarded-For</c> and the
    /// worker's forwarded-headers step (trusting only the local Functions host) turns that last entry into the
    /// connection's remote address; entries left of it are whatever the client sent and are never used. When the
    /// remote address is still the local host (the step did not run), the header's last entry is taken instead.
    /// </summary>
    public static string ClientOf(HttpContext http)
    {
        var remote = http.Connection.RemoteIpAddress;
        if ((remote is null || IPAddress.IsLoopback(remote)) && LastForwarded(http.Request.Headers["X-Forwarded-For"].ToString()) is { } forwarded)
        {
            return forwarded.ToString();
        }

        return remote?.ToString() ?? "unknown";
    }

    public void Dispose() => _limiter.Dispose();

    // "203.0.113.7", "203.0.113.7:51234", "[2001:db8::1]:443" or "2001:db8::1".
    private static IPAddress? LastForwarded(string header)
    {
        var last = header.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();
        return last is null ? null
            : IPEndPoint.TryParse(last, out var endpoint) ? endpoint.Address
            : IPAddress.TryParse(last.Trim('[', ']'), out var address) ? address
            : null;
    }
}
