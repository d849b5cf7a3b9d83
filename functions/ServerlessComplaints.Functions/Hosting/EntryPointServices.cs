using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ServerlessComplaints.Functions.Http;
using ServerlessComplaints.Workflow.Diagnostics;

namespace ServerlessComplaints.Functions.Hosting;

/// <summary>The worker's entry-point hardening: the public routes' rate limit, request logging kept quiet and redacted.</summary>
public static class EntryPointServices
{
    /// <summary>Call after every other registration: it wraps the logger factory the worker has registered.</summary>
    public static IServiceCollection AddEntryPointHardening(this IServiceCollection services, IConfiguration configuration)
    {
        var permitsPerMinute = configuration.GetValue(PublicRateLimiter.ConfigurationKey, PublicRateLimiter.DefaultPerMinute);
        services.AddSingleton(_ => new PublicRateLimiter(permitsPerMinute));

        // The worker's ASP.NET Core pipeline logs every proxied request at Information ("Request starting …"), which
        // the host would forward to Application Insights: Warning unless a more specific category asks for more.
        services.Configure<LoggerFilterOptions>(options => options.AddFilter("Microsoft.AspNetCore", LogLevel.Warning));

        // Whatever is logged, at any level: no action, evidence or status-link credential in a message, state or scope.
        return services.AddCredentialRedaction();
    }
}
