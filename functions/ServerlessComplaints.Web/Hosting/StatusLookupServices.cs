using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ServerlessComplaints.Web.Features;
using ServerlessComplaints.Web.Http;
using ServerlessComplaints.Workflow.Api;

namespace ServerlessComplaints.Web.Hosting;

/// <summary>Section "RateLimits": the status-link lookup's budgets (see <see cref="LookupRateLimiter"/>).</summary>
public sealed class LookupRateLimitOptions
{
    [Range(1, int.MaxValue)]
    public int LookupPerHour { get; set; } = LookupRateLimiter.DefaultPerHour;

    [Range(1, int.MaxValue)]
    public int LookupMailsPerCasePerHour { get; set; } = LookupRateLimiter.DefaultMailsPerCasePerHour;
}

/// <summary>The lookup without the mail link: its budgets, the Workflow's <see cref="StatusLookup"/>, and the queue that mails off the request path.</summary>
public static class StatusLookupServices
{
    public static IServiceCollection AddStatusLookup(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<LookupRateLimitOptions>().Bind(configuration.GetSection(PublicRateLimitOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<LookupRateLimitOptions>>().Value;
            return new LookupRateLimiter(options.LookupPerHour, options.LookupMailsPerCasePerHour);
        });
        services.AddSingleton<ICaseMailBudget>(sp => sp.GetRequiredService<LookupRateLimiter>());
        services.TryAddSingleton<StatusLookup>();
        services.AddSingleton<LookupMailQueue>();
        services.AddHostedService(sp => sp.GetRequiredService<LookupMailQueue>());
        return services;
    }
}
