using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ServerlessComplaints.Functions.Hosting;
using ServerlessComplaints.Workflow.Assessment;

namespace ServerlessComplaints.Functions.Tests.Identity;

public sealed class StaffIdentityOptionsTests
{
    [Fact]
    public void Validate_NoClientId_ValidAndNotConfigured()
    {
        var options = new StaffIdentityOptions();

        Assert.Empty(options.Validate());
        Assert.False(options.IsConfigured);
    }

    [Fact]
    public void Validate_ApplicationIdUriInsteadOfClientId_NamesTheSetting()
    {
        var options = new StaffIdentityOptions { TenantId = TestTenant.TenantId, ClientId = "api://" + TestTenant.ClientId };

        var error = Assert.Single(options.Validate());

        Assert.Contains("StaffIdentity:ClientId", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ClientIdWithoutTenant_NamesTheTenantSetting()
    {
        var options = new StaffIdentityOptions { ClientId = TestTenant.ClientId };

        var error = Assert.Single(options.Validate());

        Assert.Contains("StaffIdentity:TenantId", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_PlainHttpInstance_IsRefused()
    {
        var options = TestTenant.Configured;
        options.Instance = "http://login.microsoftonline.com/";

        Assert.Contains(options.Validate(), e => e.Contains("StaffIdentity:Instance", StringComparison.Ordinal));
    }

    [Fact]
    public void ValidIssuersAndAudiences_Configured_TenantAndAppRegistrationOnly()
    {
        var options = TestTenant.Configured;

        Assert.Equal([TestTenant.Issuer, $"https://sts.windows.net/{TestTenant.TenantId}/"], options.ValidIssuers);
        Assert.Equal([TestTenant.ClientId, "api://" + TestTenant.ClientId], options.ValidAudiences);
        Assert.Equal(TestTenant.Issuer + "/.well-known/openid-configuration", options.MetadataAddress);
    }

    [Fact]
    public void AddStaffIdentity_SettingsBoundFromConfiguration_AuthenticatorConfigured()
    {
        using var services = Services(new() { ["StaffIdentity:TenantId"] = TestTenant.TenantId, ["StaffIdentity:ClientId"] = TestTenant.ClientId });

        var authenticator = services.GetRequiredService<EntraStaffAuthenticator>();

        Assert.True(authenticator.IsConfigured);
        Assert.Equal(TestTenant.ClientId, services.GetRequiredService<IOptions<StaffIdentityOptions>>().Value.ClientId);
    }

    [Fact]
    public void AddStaffIdentity_NoSettings_AppStartsWithStaffSignInOff()
    {
        using var services = Services([]);

        var authenticator = services.GetRequiredService<EntraStaffAuthenticator>();

        Assert.False(authenticator.IsConfigured);
    }

    [Fact]
    public void AddStaffIdentity_InvalidClientId_FailsWithTheSettingName()
    {
        using var services = Services(new() { ["StaffIdentity:TenantId"] = TestTenant.TenantId, ["StaffIdentity:ClientId"] = "not-a-guid" });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<StaffIdentityOptions>>().Value);

        Assert.Contains("StaffIdentity:ClientId", error.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddSingleton(TestTenant.Directory)
            .AddStaffIdentity()
            .BuildServiceProvider();
    }
}
