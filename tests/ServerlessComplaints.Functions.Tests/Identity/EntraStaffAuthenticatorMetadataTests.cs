using System.Security.Cryptography;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using ServerlessComplaints.Functions.Hosting;
using ServerlessComplaints.Web.Staff;

namespace ServerlessComplaints.Functions.Tests.Identity;

public sealed class EntraStaffAuthenticatorMetadataTests : IDisposable
{
    private readonly TestTenant _tenant = new();

    [Fact]
    public async Task AuthenticateAsync_UnknownKeyId_RefusedAndMetadataRefreshRequested()
    {
        using var rsa = RSA.Create(2048);
        var rolledKey = new RsaSecurityKey(rsa) { KeyId = "tenant-key-2" };
        var metadata = new RecordingMetadata(_tenant.Metadata);
        var token = _tenant.Token("gao.feng@example.cn", d => d.SigningCredentials = new SigningCredentials(rolledKey, SecurityAlgorithms.RsaSha256));

        var signIn = await _tenant.Authenticator(metadata: metadata).AuthenticateAsync(TestTenant.BearerRequest(token), CancellationToken.None);

        Assert.Equal(StaffSignInOutcome.InvalidToken, signIn.Outcome);
        Assert.Equal(1, metadata.Refreshes);
    }

    [Fact]
    public async Task AuthenticateAsync_MetadataUnreachable_AnswersServiceUnavailable()
    {
        var metadata = new RecordingMetadata(failure: new InvalidOperationException("IDX20803: Unable to obtain configuration."));

        var signIn = await _tenant.Authenticator(metadata: metadata).AuthenticateAsync(
            TestTenant.BearerRequest(_tenant.Token("gao.feng@example.cn")), CancellationToken.None);
        var refusal = signIn.Refusal();

        Assert.Equal(StaffSignInOutcome.SignInUnavailable, signIn.Outcome);
        Assert.Equal(503, refusal.StatusCode);
        Assert.Equal("30", refusal.Headers?["Retry-After"]);
    }

    [Fact]
    public async Task AuthenticateAsync_NoToken_DoesNotFetchMetadata()
    {
        var metadata = new RecordingMetadata(failure: new InvalidOperationException("must not be fetched"));

        var signIn = await _tenant.Authenticator(metadata: metadata).AuthenticateAsync(
            new Microsoft.AspNetCore.Http.DefaultHttpContext().Request, CancellationToken.None);

        Assert.Equal(StaffSignInOutcome.NoToken, signIn.Outcome);
        Assert.Equal(0, metadata.Fetches);
    }

    public void Dispose() => _tenant.Dispose();

    /// <summary>Metadata that counts fetches and refresh requests, or fails as an unreachable tenant does.</summary>
    private sealed class RecordingMetadata(OpenIdConnectConfiguration? configuration = null, Exception? failure = null)
        : IConfigurationManager<OpenIdConnectConfiguration>
    {
        public int Fetches { get; private set; }

        public int Refreshes { get; private set; }

        public Task<OpenIdConnectConfiguration> GetConfigurationAsync(CancellationToken cancel)
        {
            Fetches++;
            return failure is null ? Task.FromResult(configuration!) : Task.FromException<OpenIdConnectConfiguration>(failure);
        }

        public void RequestRefresh() => Refreshes++;
    }
}
