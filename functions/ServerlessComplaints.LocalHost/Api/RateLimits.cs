using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace ServerlessComplaints.LocalHost.Api;

/// <summary>Per-client limits on the public form and the status lookup (ASP.NET Core's rate limiter).</summary>
internal static class RateLimits
{
    public const string Public = "public";

    public static IServiceCollection AddPublicRateLimits(this IServiceCollection services, int permitsPerMinute) =>
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, _) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                return ValueTask.CompletedTask;
            };
            options.AddPolicy(Public, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permitsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
}
