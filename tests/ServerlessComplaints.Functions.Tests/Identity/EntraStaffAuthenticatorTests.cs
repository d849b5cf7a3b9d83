using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using ServerlessComplaints.Functions.Hosting;
using ServerlessComplaints.Web.Staff;
using ServerlessComplaints.Workflow.Domain;

namespace ServerlessComplaints.Functions.Tests.Identity;

public sealed class EntraStaffAuthenticatorTests : IDisposable
{
    private const string CentreHeadEmail = "gao.feng@example.cn";

    private readonly TestTenant _tenant = new();

    [Fact]
    public async Task AuthenticateAsync_ForgedPrincipalHeaderAlone_IsRefused()
    {
        var request = TestTenant.ForgedPrincipalRequest(CentreHeadEmail);

        var signIn = await _tenant.Authenticator().AuthenticateAsync(request, CancellationToken.None);

        Assert.Null(signIn.Staff);
        Assert.Equal(StaffSignInOutcome.NoToken, signIn.Outcome);
        Assert.Equal(401, signIn.Refusal().StatusCode);
    }

    [Fact]
    public async Task AuthenticateAsync_ValidBearerTokenOfDirectoryMember_MapsToThatMemberAndRole()
    {
        var request = TestTenant.BearerRequest(_tenant.Token("Gao.Feng@EXAMPLE.cn"));

        var signIn = await _tenant.Authenticator().AuthenticateAsync(request, CancellationToken.None);

        Assert.Equal(StaffSignInOutcome.SignedIn, signIn.Outcome);
        Assert.Equal("gao.feng", signIn.Staff?.Id);
        Assert.Equal(StaffRole.CentreHead, signIn.Staff?.Role);
    }

    [Fact]
    public async Task AuthenticateAsync_IdTokenFromAppServiceTokenStore_MapsToThatMember()
    {
        var http = new DefaultHttpContext();
        http.Request.Headers[EntraStaffAuthenticator.IdTokenHeader] = _tenant.Token("zhang.wei@example.cn");

        var signIn = await _tenant.Authenticator().AuthenticateAsync(http.Request, CancellationToken.None);

        Assert.Equal("zhang.wei", signIn.Staff?.Id);
        Assert.Equal(StaffRole.Staff, signIn.Staff?.Role);
    }

    [Fact]
    public async Task AuthenticateAsync_V1AccessTokenForApplicationIdUri_MapsUpnToThatMember()
    {
        var token = _tenant.Token(null, d =>
        {
            d.Issuer = $"https://sts.windows.net/{TestTenant.TenantId}/";
            d.Audience = "api://" + TestTenant.ClientId;
            d.Claims["upn"] = "li.na@example.cn";
        });

        var signIn = await _tenant.Authenticator().AuthenticateAsync(TestTenant.BearerRequest(token), CancellationToken.None);

        Assert.Equal("li.na", signIn.Staff?.Id);
        Assert.Equal(StaffRole.Manager, signIn.Staff?.Role);
    }

    [Fact]
    public async Task AuthenticateAsync_ValidTokenOfSomeoneOutsideTheDirectory_IsForbidden()
    {
        var request = TestTenant.BearerRequest(_tenant.Token("visitor@example.cn"));

        var signIn = await _tenant.Authenticator().AuthenticateAsync(request, CancellationToken.None);

        Assert.Null(signIn.Staff);
        Assert.Equal(StaffSignInOutcome.NotStaff, signIn.Outcome);
        Assert.Equal(403, signIn.Refusal().StatusCode);
    }

    [Fact]
    public async Task AuthenticateAsync_EmailClaimWithoutSignInName_IsNotTrusted()
    {
        var request = TestTenant.BearerRequest(_tenant.Token(null, d => d.Claims["email"] = CentreHeadEmail));

        var signIn = await _tenant.Authenticator().AuthenticateAsync(request, CancellationToken.None);

        Assert.Null(signIn.Staff);
        Assert.Equal(StaffSignInOutcome.NotStaff, signIn.Outcome);
    }

    [Fact]
    public async Task AuthenticateAsync_WrongAudience_IsRefused()
    {
        await AssertInvalidAsync(_tenant.Token(CentreHeadEmail, d => d.Audience = "a-different-app"));
    }

    [Fact]
    public async Task AuthenticateAsync_IssuerOfAnotherTenant_IsRefused()
    {
        await AssertInvalidAsync(_tenant.Token(CentreHeadEmail, d => d.Issuer = "https://login.microsoftonline.com/11111111-2222-3333-4444-555555555555/v2.0"));
    }

    [Fact]
    public async Task AuthenticateAsync_ExpiredToken_IsRefused()
    {
        await AssertInvalidAsync(_tenant.Token(CentreHeadEmail, d =>
        {
            d.IssuedAt = DateTime.UtcNow.AddHours(-2);
            d.NotBefore = DateTime.UtcNow.AddHours(-2);
            d.Expires = DateTime.UtcNow.AddMinutes(-10);
        }));
    }

    [Fact]
    public async Task AuthenticateAsync_SignedWithAnotherKeyUnderTheTenantKeyId_IsRefused()
    {
        using var rsa = RSA.Create(2048);
        var impostor = new RsaSecurityKey(rsa) { KeyId = _tenant.SigningKey.KeyId };

        await AssertInvalidAsync(_tenant.Token(CentreHeadEmail, d => d.SigningCredentials = new SigningCredentials(impostor, SecurityAlgorithms.RsaSha256)));
    }

    [Fact]
    public async Task AuthenticateAsync_UnsignedTokenAlgNone_IsRefused()
    {
        var token = _tenant.Token(CentreHeadEmail, d => d.SigningCredentials = null);

        Assert.Equal("none", new JsonWebToken(token).Alg);
        await AssertInvalidAsync(token);
    }

    [Fact]
    public async Task AuthenticateAsync_PayloadAlteredAfterSigning_IsRefused()
    {
        var parts = _tenant.Token("visitor@example.cn").Split('.');
        var forged = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = TestTenant.Issuer,
            Audience = TestTenant.ClientId,
            Expires = DateTime.UtcNow.AddMinutes(30),
            Claims = new Dictionary<string, object> { ["preferred_username"] = CentreHeadEmail },
        }).Split('.');

        await AssertInvalidAsync($"{parts[0]}.{forged[1]}.{parts[2]}");
    }

    [Fact]
    public async Task AuthenticateAsync_InvalidBearerWithValidIdTokenHeader_IsRefused()
    {
        var request = TestTenant.BearerRequest("not-a-token");
        request.Headers[EntraStaffAuthenticator.IdTokenHeader] = _tenant.Token(CentreHeadEmail);

        var signIn = await _tenant.Authenticator().AuthenticateAsync(request, CancellationToken.None);

        Assert.Equal(StaffSignInOutcome.InvalidToken, signIn.Outcome);
    }

    [Fact]
    public async Task AuthenticateAsync_NotConfigured_ClosedWithClearProblemEvenForAValidToken()
    {
        var request = TestTenant.BearerRequest(_tenant.Token(CentreHeadEmail));

        var signIn = await _tenant.Authenticator(TestTenant.NotConfigured).AuthenticateAsync(request, CancellationToken.None);
        var refusal = signIn.Refusal();

        Assert.Equal(StaffSignInOutcome.NotConfigured, signIn.Outcome);
        Assert.Equal(503, refusal.StatusCode);
        Assert.True(refusal.IsProblem);
        Assert.Contains("set AUTH_CLIENT_ID and provision again", refusal.Body?.ToString(), StringComparison.Ordinal);
    }

    private async Task AssertInvalidAsync(string token)
    {
        var signIn = await _tenant.Authenticator().AuthenticateAsync(TestTenant.BearerRequest(token), CancellationToken.None);

        Assert.Null(signIn.Staff);
        Assert.Equal(StaffSignInOutcome.InvalidToken, signIn.Outcome);
        Assert.Equal(401, signIn.Refusal().StatusCode);
    }

    public void Dispose() => _tenant.Dispose();
}
