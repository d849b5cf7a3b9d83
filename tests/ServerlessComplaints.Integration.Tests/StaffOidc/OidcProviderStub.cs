using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ServerlessComplaints.Integration.Tests.StaffOidc;

/// <summary>
/// An OpenID Connect provider in the test process, on a free loopback port: discovery, JWKS with an RSA key made here,
/// <c>/authorize</c> that "signs in" whoever the browser's query names (<c>stub_email</c>, <c>stub_verified</c>) and
/// redirects back with a code, and <c>/token</c> that checks the client secret, redirect URI and PKCE verifier before
/// answering with an ID token carrying the nonce. <c>stub_spoil</c> spoils one property of that token for refusal tests.
/// </summary>
internal sealed class OidcProviderStub : IAsyncDisposable
{
    public const string ClientId = "complaints-staff";
    public const string ClientSecret = "stub-client-secret-0123456789";
    public const string KeyId = "stub-key-1";

    private readonly RSA _key = RSA.Create(2048);
    private readonly RSA _otherKey = RSA.Create(2048);
    private readonly ConcurrentDictionary<string, Grant> _grants = new(StringComparer.Ordinal);
    private WebApplication? _app;

    /// <summary>How a code was asked for and answered: the test checks what the client sent.</summary>
    internal sealed record Grant(string RedirectUri, string CodeChallenge, string Nonce, string Email, bool EmailVerified, string? Spoil)
    {
        public bool Redeemed { get; set; }
    }

    public string Authority { get; private set; } = "";

    public IReadOnlyDictionary<string, string> LastAuthorize { get; private set; } = new Dictionary<string, string>();

    public int TokenRefusals { get; private set; }

    public static async Task<OidcProviderStub> StartAsync()
    {
        var stub = new OidcProviderStub();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapGet("/.well-known/openid-configuration", stub.Discovery);
        app.MapGet("/jwks", stub.Keys);
        app.MapGet("/authorize", stub.Authorize);
        app.MapPost("/token", stub.TokenAsync);
        await app.StartAsync();
        stub._app = app;
        stub.Authority = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        return stub;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        _key.Dispose();
        _otherKey.Dispose();
    }

    private IResult Discovery() => Results.Json(new Dictionary<string, object>
    {
        ["issuer"] = Authority,
        ["authorization_endpoint"] = Authority + "/authorize",
        ["token_endpoint"] = Authority + "/token",
        ["jwks_uri"] = Authority + "/jwks",
        ["response_types_supported"] = new[] { "code" },
        ["subject_types_supported"] = new[] { "public" },
        ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
        ["code_challenge_methods_supported"] = new[] { "S256" },
        ["token_endpoint_auth_methods_supported"] = new[] { "client_secret_post", "client_secret_basic" },
    });

    private IResult Keys()
    {
        var rsa = _key.ExportParameters(includePrivateParameters: false);
        return Results.Json(new { keys = new[] { new { kty = "RSA", use = "sig", alg = "RS256", kid = KeyId, n = Base64UrlEncoder.Encode(rsa.Modulus), e = Base64UrlEncoder.Encode(rsa.Exponent) } } });
    }

    // The provider's sign-in page, already passed: the browser's query says who signed in.
    private IResult Authorize(HttpRequest request)
    {
        var q = request.Query.ToDictionary(p => p.Key, p => p.Value.ToString(), StringComparer.Ordinal);
        LastAuthorize = q;
        if (q.GetValueOrDefault("client_id") != ClientId || q.GetValueOrDefault("response_type") != "code"
            || q.GetValueOrDefault("code_challenge_method") != "S256" || string.IsNullOrEmpty(q.GetValueOrDefault("code_challenge"))
            || string.IsNullOrEmpty(q.GetValueOrDefault("nonce")) || string.IsNullOrEmpty(q.GetValueOrDefault("state"))
            || !Uri.TryCreate(q.GetValueOrDefault("redirect_uri"), UriKind.Absolute, out var redirect))
        {
            return Results.BadRequest("not an authorization code request with PKCE, state and nonce");
        }

        var code = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        _grants[code] = new Grant(redirect.ToString(), q["code_challenge"], q["nonce"], q.GetValueOrDefault("stub_email", ""), q.GetValueOrDefault("stub_verified") != "false", q.GetValueOrDefault("stub_spoil"));
        return Results.Redirect($"{redirect}?code={code}&state={Uri.EscapeDataString(q["state"])}");
    }

    private async Task<IResult> TokenAsync(HttpRequest request)
    {
        var form = await request.ReadFormAsync();
        var (id, secret) = ClientOf(request, form);
        if (form["grant_type"] != "authorization_code" || id != ClientId || secret != ClientSecret
            || !_grants.TryGetValue(form["code"].ToString(), out var grant) || grant.Redeemed
            || form["redirect_uri"] != grant.RedirectUri
            || Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(form["code_verifier"].ToString()))) != grant.CodeChallenge)
        {
            TokenRefusals++;
            return Results.Json(new { error = "invalid_grant" }, statusCode: StatusCodes.Status400BadRequest);
        }

        grant.Redeemed = true;
        return Results.Json(new { access_token = "stub-access-token", token_type = "Bearer", expires_in = 3600, id_token = IdToken(grant) });
    }

    private static (string? Id, string? Secret) ClientOf(HttpRequest request, IFormCollection form)
    {
        var basic = request.Headers.Authorization.ToString();
        if (basic.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            var pair = Encoding.UTF8.GetString(Convert.FromBase64String(basic[6..])).Split(':', 2);
            return (Uri.UnescapeDataString(pair[0]), Uri.UnescapeDataString(pair[1]));
        }

        return (form["client_id"], form["client_secret"]);
    }

    private string IdToken(Grant grant)
    {
        var now = DateTime.UtcNow;
        var claims = new Dictionary<string, object>
        {
            ["sub"] = "stub-" + grant.Email,
            ["nonce"] = grant.Spoil == "nonce" ? "a-nonce-this-browser-never-had" : grant.Nonce,
            ["email"] = grant.Email,
            ["email_verified"] = grant.EmailVerified,
            ["preferred_username"] = grant.Email,
            ["name"] = grant.Email,
        };
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = grant.Spoil == "issuer" ? "http://127.0.0.1:1/another-issuer" : Authority,
            Audience = grant.Spoil == "audience" ? "another-client" : ClientId,
            IssuedAt = grant.Spoil == "expired" ? now.AddHours(-2) : now.AddSeconds(-5),
            NotBefore = grant.Spoil == "expired" ? now.AddHours(-2) : now.AddSeconds(-5),
            Expires = grant.Spoil == "expired" ? now.AddHours(-1) : now.AddMinutes(10),
            Claims = claims,
            SigningCredentials = grant.Spoil switch
            {
                "unsigned" => null,
                // Same key id, another key: what a forger without the provider's private key can make.
                "signature" => new SigningCredentials(new RsaSecurityKey(_otherKey) { KeyId = KeyId }, SecurityAlgorithms.RsaSha256),
                _ => new SigningCredentials(new RsaSecurityKey(_key) { KeyId = KeyId }, SecurityAlgorithms.RsaSha256),
            },
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }
}
