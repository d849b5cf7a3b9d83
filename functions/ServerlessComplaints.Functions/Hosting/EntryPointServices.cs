using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ServerlessComplaints.Workflow.Diagnostics;

namespace ServerlessComplaints.Functions.Hosting;

/// <summary>The worker's entry-point hardening: request logging kept quiet and redacted (the public limit is the route table's).</summary>
public static class EntryPointServices
{
    /// <summary>Call after every other registration: it wraps the logger factory the worker has registered.</summary>
    public static IServiceCollection AddEntryPointHardening(this IServiceCollection services)
    {
        // The worker's ASP.NET Core pipeline logs every proxied request at Information ("Request starting …"), which
        // the host would forward to Application Insights: Warning unless a more specific category asks for more.
        services.Configure<LoggerFilterOptions>(options => options.AddFilter("Microsoft.AspNetCore", LogLevel.Warning));

        // Whatever is logged, at any level: no action, evidence or status-link credential in a message, state or scope.
        return services.AddCredentialRedaction();
    }
}
