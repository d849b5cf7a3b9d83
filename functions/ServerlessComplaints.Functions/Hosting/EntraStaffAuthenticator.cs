using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using ServerlessComplaints.Web.Staff;
using ServerlessComplaints.Workflow.Assessment;

namespace ServerlessComplaints.Functions.Hosting;

/// <summary>
/// Identifies the staff member behind a request by validating an Entra ID token in the app itself: the bearer token
/// of an API client, or the ID token App Service authentication forwards from its token store
/// (<c>X-MS-TOKEN-AAD-ID-TOKEN</c>). Signature (the tenant's keys from its OIDC metadata, cached), issuer (the tenant),
/// audience (the app registration) and lifetime are checked; then the sign-in name — <c>preferred_username</c>, or
/// <c>upn</c> in v1 tokens — must equal a staff directory email (case-insensitive). The <c>email</c> claim is not used
/// (Entra ID can issue it unverified), and a principal header such as <c>X-MS-CLIENT-PRINCIPAL</c> is never read.
/// </summary>
public sealed partial class EntraStaffAuthenticator(
    IOptions<StaffIdentityOptions> options,
    StaffDirectory directory,
    IConfigurationManager<OpenIdConnectConfiguration> metadata,
    ILogger<EntraStaffAuthenticator> logger) : IStaffSignIn
{
    public const string IdTokenHeader = "X-MS-TOKEN-AAD-ID-TOKEN";

    private const string BearerPrefix = "Bearer ";

    private static readonly string[] SignInNameClaims = ["preferred_username", "upn"];

    private readonly StaffIdentityOptions _options = options.Value;

    // Claims keep their JWT names (MapInboundClaims is off by default on this handler).
    private readonly JsonWebTokenHandler _handler = new();

    public bool IsConfigured => _options.IsConfigured;

    public Task<StaffSignIn> SignInAsync(HttpRequest request, CancellationToken cancellationToken) => AuthenticateAsync(request, cancellationToken);

    public async Task<StaffSignIn> AuthenticateAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!_options.IsConfigured)
        {
            return StaffSignIn.NotConfigured;
        }

        if (ReadToken(request) is not { } read)
        {
            return StaffSignIn.NoToken;
        }

        var (source, token) = read;

        OpenIdConnectConfiguration configuration;
        try
        {
            configuration = await metadata.GetConfigurationAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is InvalidOperationException or HttpRequestException or IOException)
        {
            LogMetadataUnavailable(logger, _options.MetadataAddress, ex);
            return StaffSignIn.SignInUnavailable;
        }

        var result = await _handler.ValidateTokenAsync(token, Parameters(configuration));
        if (!result.IsValid)
        {
            // Entra ID rolls its keys: an unknown key id asks for fresh metadata (the manager rate-limits refreshes).
            if (result.Exception is SecurityTokenSignatureKeyNotFoundException)
            {
                metadata.RequestRefresh();
            }

            LogTokenRefused(logger, source, result.Exception?.GetType().Name ?? "unknown");
            return StaffSignIn.InvalidToken;
        }

        var name = result.SecurityToken is JsonWebToken jwt ? SignInName(jwt) : null;
        if (directory.FindByEmail(name) is not { } member)
        {
            LogNotStaff(logger, source);
            return StaffSignIn.NotStaff;
        }

        LogSignedIn(logger, member.Id, source);
        return StaffSignIn.SignedIn(member);
    }

    private TokenValidationParameters Parameters(OpenIdConnectConfiguration configuration) => new()
    {
        ValidIssuers = _options.ValidIssuers,
        ValidAudiences = _options.ValidAudiences,
        IssuerSigningKeys = configuration.SigningKeys,
        ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
        RequireSignedTokens = true,
        RequireExpirationTime = true,
        RequireAudience = true,
        ValidateIssuer = true,
        ValidateAudience = true,
        ValidateLifetime = true,
        // The library reads the system clock for lifetimes (its TimeProvider hook is internal).
        ClockSkew = TimeSpan.FromMinutes(2),
    };

    private static (string Source, string Token)? ReadToken(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            var bearer = authorization[BearerPrefix.Length..].Trim();
            return bearer.Length > 0 ? ("bearer", bearer) : null;
        }

        var idToken = request.Headers[IdTokenHeader].ToString().Trim();
        return idToken.Length > 0 ? ("app-service-id-token", idToken) : null;
    }

    private static string? SignInName(JsonWebToken token) =>
        SignInNameClaims
            .Select(claim => token.TryGetPayloadValue<string>(claim, out var value) ? value : null)
            .FirstOrDefault(value => !string.IsNullOrWhiteSpace(value));

    [LoggerMessage(Level = LogLevel.Debug, Message = "Staff {StaffId} identified by an Entra ID token ({TokenSource})")]
    private static partial void LogSignedIn(ILogger logger, string staffId, string tokenSource);

    [LoggerMessage(Level = LogLevel.Information, Message = "Staff token ({TokenSource}) refused: {Reason}")]
    private static partial void LogTokenRefused(ILogger logger, string tokenSource, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Valid Entra ID token ({TokenSource}) whose sign-in name is not in the staff directory")]
    private static partial void LogNotStaff(ILogger logger, string tokenSource);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Staff sign-in metadata unavailable from {MetadataAddress}")]
    private static partial void LogMetadataUnavailable(ILogger logger, string metadataAddress, Exception exception);
}
