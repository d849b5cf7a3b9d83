using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ServerlessComplaints.Web.Http;
using ServerlessComplaints.Web.Mail;
using ServerlessComplaints.Web.Pages;

namespace ServerlessComplaints.Web.Hosting;

/// <summary>Registers what the route table needs in either host; the host adds the Workflow, its stores and an <see cref="Staff.IStaffSignIn"/>.</summary>
public static class WebSurfaceServices
{
    public static IServiceCollection AddComplaintCentreWeb(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PublicRateLimitOptions>().Bind(configuration.GetSection(PublicRateLimitOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => new PublicRateLimiter(sp.GetRequiredService<IOptions<PublicRateLimitOptions>>().Value.PublicPerMinute));
        services.AddOptions<SurfaceSecrets>().Configure(s => s.Missing = SurfaceSecrets.MissingIn(configuration)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SurfaceSecrets>, SurfaceSecretsValidator>();
        services.AddOptions<RecourseOptions>().Bind(configuration.GetSection(RecourseOptions.SectionName));
        services.AddComplaintCentreMail();
        services.AddStatusLookup(configuration);
        services.AddSingleton<Features.FormRefusals>();
        // Staff pages: a data-protected session cookie and antiforgery tokens, read by the route handlers in either host;
        // each host keeps the key ring in its storage account (AddSharedKeyRing).
        services.AddDataProtection().SetApplicationName(SharedKeyRing.ApplicationName);
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "sc_af";
            o.Cookie.SameSite = Microsoft.AspNetCore.Http.SameSiteMode.Strict;
            o.SuppressXFrameOptionsHeader = true; // PageSecurity sets the page headers
        });
        services.AddSingleton<Staff.StaffSessions>();
        return services;
    }
}
