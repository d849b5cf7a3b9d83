using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace ServerlessComplaints.Web.Staff.Oidc;

/// <summary>
/// Wires OpenID Connect sign-in for the container host: ASP.NET Core's handler does the protocol (authorization code
/// with PKCE, state with its correlation cookie, nonce, the provider's discovery document and keys, ID token signature,
/// issuer, audience and lifetime); <see cref="StaffOidcEvents"/> maps the identity to the staff directory and issues the
/// <see cref="StaffSessions"/> cookie. The Functions app does not call this: it signs staff in through App Service.
/// </summary>
public static class StaffOidcServices
{
    private static readonly string[] AsymmetricAlgorithms =
    [
        SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512,
        SecurityAlgorithms.RsaSsaPssSha256, SecurityAlgorithms.RsaSsaPssSha384, SecurityAlgorithms.RsaSsaPssSha512,
        SecurityAlgorithms.EcdsaSha256, SecurityAlgorithms.EcdsaSha384, SecurityAlgorithms.EcdsaSha512,
    ];

    public static IServiceCollection AddStaffOidc(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<StaffOidcOptions>().Bind(configuration.GetSection(StaffOidcOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<StaffOidcOptions>, StaffOidcOptionsValidator>();
        if (configuration.GetSection(StaffOidcOptions.SectionName).Get<StaffOidcOptions>() is not { IsConfigured: true })
        {
            return services;
        }

        // No default scheme: nothing but the callback path and an explicit challenge ever runs the OIDC handler.
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, StaffSessionScheme>(StaffSessionScheme.Name, _ => { })
            .AddOpenIdConnect(StaffOidcOptions.Scheme, _ => { });
        services.AddOptions<OpenIdConnectOptions>(StaffOidcOptions.Scheme)
            .Configure<IOptions<StaffOidcOptions>, IHostEnvironment>((oidc, staff, environment) => Configure(oidc, staff.Value, environment.IsDevelopment()));
        services.AddSingleton<StaffOidcEvents>();
        services.AddSingleton<IOrganisationSignIn, OidcOrganisationSignIn>();
        return services;
    }

    /// <summary>Handles the provider's answer at <see cref="StaffOidcOptions.CallbackPath"/>; nothing when StaffOidc is not configured.</summary>
    public static IApplicationBuilder UseStaffOidc(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.ApplicationServices.GetService<IAuthenticationSchemeProvider>() is null ? app : app.UseAuthentication();
    }

    private static void Configure(OpenIdConnectOptions oidc, StaffOidcOptions staff, bool development)
    {
        oidc.Authority = staff.Authority;
        oidc.ClientId = staff.ClientId;
        oidc.ClientSecret = staff.ClientSecret;
        oidc.SignInScheme = StaffSessionScheme.Name;
        oidc.RequireHttpsMetadata = !staff.AllowsHttp(development);
        oidc.ResponseType = OpenIdConnectResponseType.Code;
        oidc.UsePkce = true;

        // The code comes back in the query of a top-level GET, so the correlation and nonce cookies can be SameSite=Lax
        // (a form_post from the provider's site would need SameSite=None).
        oidc.ResponseMode = OpenIdConnectResponseMode.Query;
        oidc.CorrelationCookie.SameSite = SameSiteMode.Lax;
        oidc.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        oidc.NonceCookie.SameSite = SameSiteMode.Lax;
        oidc.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        oidc.CallbackPath = StaffOidcOptions.CallbackPath;
        oidc.RemoteSignOutPath = PathString.Empty;
        oidc.SignedOutCallbackPath = PathString.Empty;

        oidc.Scope.Clear();
        foreach (var scope in (string[])[OpenIdConnectScope.OpenId, "profile", "email", .. staff.ExtraScopes])
        {
            oidc.Scope.Add(scope);
        }

        // Only the ID token's own claims, under their JWT names; no tokens kept; the session has its own lifetime.
        oidc.MapInboundClaims = false;
        oidc.GetClaimsFromUserInfoEndpoint = false;
        oidc.SaveTokens = false;
        oidc.UseTokenLifetime = false;
        oidc.DisableTelemetry = true;
        oidc.BackchannelTimeout = TimeSpan.FromSeconds(10);
        oidc.TokenValidationParameters.ValidAlgorithms = AsymmetricAlgorithms;
        oidc.TokenValidationParameters.ClockSkew = TimeSpan.FromMinutes(2);
        oidc.TokenValidationParameters.NameClaimType = "name";
        oidc.EventsType = typeof(StaffOidcEvents);
    }
}
