using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using ServerlessComplaints.Functions.Hosting;
using ServerlessComplaints.Workflow.Assessment;

namespace ServerlessComplaints.Functions.Tests.Identity;

/// <summary>
/// A stand-in Entra ID tenant without network: an RSA signing key published through a static OIDC configuration, and
/// tokens minted with it the way Entra ID shapes them (v2.0 issuer, client id audience, preferred_username).
/// </summary>
internal sealed class TestTenant : IDisposable
{
    public const string TenantId = "7f4c2a51-0b7e-4c3e-9a53-1f2d3c4b5a69";
    public const string ClientId = "0c7d9e21-5a3b-4f6c-8d2e-9b1a7c3e5f40";
    public const string Issuer = $"https://login.microsoftonline.com/{TenantId}/v2.0";

    private readonly RSA _rsa = RSA.Create(2048);

    public TestTenant()
    {
        SigningKey = new RsaSecurityKey(_rsa) { KeyId = "tenant-key-1" };
        Metadata = new OpenIdConnectConfiguration { Issuer = Issuer };
        Metadata.SigningKeys.Add(SigningKey);
    }

    public static StaffDirectory Directory { get; } = new(StaffDirectoryOptions.Sample());

    public RsaSecurityKey SigningKey { get; }

    public OpenIdConnectConfiguration Metadata { get; }

    public static StaffIdentityOptions Configured => new() { TenantId = TenantId, ClientId = ClientId };

    public static StaffIdentityOptions NotConfigured => new();

    /// <summary>A token as Entra ID issues it for this app; <paramref name="adjust"/> spoils one property for a refusal test.</summary>
    public string Token(string? preferredUsername, Action<SecurityTokenDescriptor>? adjust = null)
    {
        var now = DateTime.UtcNow;
        var claims = new Dictionary<string, object> { ["tid"] = TenantId, ["oid"] = Guid.NewGuid().ToString() };
        if (preferredUsername is not null)
        {
            claims["preferred_username"] = preferredUsername;
        }

        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = ClientId,
            IssuedAt = now.AddMinutes(-1),
            NotBefore = now.AddMinutes(-1),
            Expires = now.AddMinutes(59),
            Claims = claims,
            SigningCredentials = new SigningCredentials(SigningKey, SecurityAlgorithms.RsaSha256),
        };
        adjust?.Invoke(descriptor);
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }

    public EntraStaffAuthenticator Authenticator(StaffIdentityOptions? options = null, IConfigurationManager<OpenIdConnectConfiguration>? metadata = null) =>
        new(
            Options.Create(options ?? Configured),
            Directory,
            metadata ?? new StaticConfigurationManager<OpenIdConnectConfiguration>(Metadata),
            NullLogger<EntraStaffAuthenticator>.Instance);

    public static HttpRequest BearerRequest(string token)
    {
        var http = new DefaultHttpContext();
        http.Request.Headers.Authorization = "Bearer " + token;
        return http.Request;
    }

    /// <summary>The header App Service sets after its own sign-in: base64 JSON claims, trivially forged by anyone.</summary>
    public static HttpRequest ForgedPrincipalRequest(string email)
    {
        var principal = $$"""{"auth_typ":"aad","claims":[{"typ":"preferred_username","val":"{{email}}"},{"typ":"email","val":"{{email}}"}],"name_typ":"name","role_typ":"roles"}""";
        var http = new DefaultHttpContext();
        http.Request.Headers["X-MS-CLIENT-PRINCIPAL"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(principal));
        http.Request.Headers["X-MS-CLIENT-PRINCIPAL-NAME"] = email;
        http.Request.Headers["X-MS-CLIENT-PRINCIPAL-IDP"] = "aad";
        return http.Request;
    }

    public void Dispose() => _rsa.Dispose();
}
