using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using ServerlessComplaints.Web.Staff;

namespace ServerlessComplaints.Functions.Hosting;

/// <summary>Registers staff identity: validated options, the tenant's OIDC metadata (cached), the authenticator, the pages' platform sign-in.</summary>
public static class StaffIdentityServices
{
    private const string MetadataClient = "StaffIdentityMetadata";

    public static IServiceCollection AddStaffIdentity(this IServiceCollection services)
    {
        services.AddOptions<StaffIdentityOptions>().BindConfiguration(StaffIdentityOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<StaffIdentityOptions>, StaffIdentityOptionsValidator>();

        // The configuration manager lives for the app's lifetime: pooled connections are recycled instead of handlers.
        services.AddHttpClient(MetadataClient, client => client.Timeout = TimeSpan.FromSeconds(10))
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(15) })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
        services.AddSingleton<IConfigurationManager<OpenIdConnectConfiguration>>(sp => CreateMetadata(
            sp.GetRequiredService<IOptions<StaffIdentityOptions>>().Value, sp.GetRequiredService<IHttpClientFactory>()));

        services.AddSingleton<EntraStaffAuthenticator>();
        services.AddSingleton<IStaffSignIn>(sp => sp.GetRequiredService<EntraStaffAuthenticator>());

        // Staff pages: "Sign in with your organisation account" goes through App Service authentication (/.auth/login/aad).
        services.AddSingleton<IOrganisationSignIn>(sp => new AppServiceSignIn(sp.GetRequiredService<IOptions<StaffIdentityOptions>>().Value.IsConfigured));
        services.AddHostedService<StaffIdentityStartupReport>();
        return services;
    }

    // ConfigurationManager caches the metadata and signing keys (refreshed every 12 hours, or sooner on an unknown key).
    private static IConfigurationManager<OpenIdConnectConfiguration> CreateMetadata(StaffIdentityOptions options, IHttpClientFactory clients) =>
        options.IsConfigured
            ? new ConfigurationManager<OpenIdConnectConfiguration>(
                options.MetadataAddress,
                new OpenIdConnectConfigurationRetriever(),
                new HttpDocumentRetriever(clients.CreateClient(MetadataClient)) { RequireHttps = true })
            : new StaticConfigurationManager<OpenIdConnectConfiguration>(new OpenIdConnectConfiguration());
}
