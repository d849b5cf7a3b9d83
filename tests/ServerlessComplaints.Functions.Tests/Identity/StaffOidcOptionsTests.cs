using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;
using ServerlessComplaints.Web.Staff;
using ServerlessComplaints.Web.Staff.Oidc;

namespace ServerlessComplaints.Functions.Tests.Identity;

// The container host's StaffOidc settings as the start validates them (ValidateOnStart runs the same validator).
public sealed class StaffOidcOptionsTests
{
    private static readonly Dictionary<string, string?> Complete = new()
    {
        ["StaffOidc:Authority"] = "https://login.example.cn/realms/centre",
        ["StaffOidc:ClientId"] = "complaints-staff",
        ["StaffOidc:ClientSecret"] = "a-secret-from-the-vault",
    };

    [Fact]
    public void Start_CompleteSettings_OrganisationSignInOffered()
    {
        using var services = Services(Environments.Production, Complete);

        var options = services.GetRequiredService<IOptions<StaffOidcOptions>>().Value;

        Assert.Equal("email", options.NameClaim);
        Assert.True(services.GetRequiredService<IOrganisationSignIn>().IsOffered);
    }

    [Fact]
    public void Start_NothingConfiguredInDevelopment_NoOrganisationSignIn()
    {
        using var services = Services(Environments.Development, []);

        Assert.False(services.GetRequiredService<IOptions<StaffOidcOptions>>().Value.IsConfigured);
        Assert.Null(services.GetService<IOrganisationSignIn>());
    }

    [Fact]
    public void Start_NoSignInAtAllOutsideDevelopment_StopsNamingBothSettings()
    {
        using var services = Services(Environments.Production, []);

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<StaffOidcOptions>>().Value);

        Assert.Contains("StaffOidc:Authority", error.Message, StringComparison.Ordinal);
        Assert.Contains("Staff:ApiKeys", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_StaffKeysOnlyOutsideDevelopment_Starts()
    {
        using var services = Services(Environments.Production, new() { ["Staff:ApiKeys:zhang.wei"] = "0123456789abcdef0123" });

        Assert.False(services.GetRequiredService<IOptions<StaffOidcOptions>>().Value.IsConfigured);
    }

    [Theory]
    [InlineData("StaffOidc:ClientSecret", "", "StaffOidc:ClientSecret")]
    [InlineData("StaffOidc:ClientId", "", "StaffOidc:ClientId")]
    [InlineData("StaffOidc:Authority", "http://login.example.cn/realms/centre", "StaffOidc:Authority")]
    [InlineData("StaffOidc:Authority", "http://127.0.0.1:8080/realms/centre", "StaffOidc:Authority")]
    [InlineData("StaffOidc:Authority", "login.example.cn", "StaffOidc:Authority")]
    [InlineData("StaffOidc:NameClaim", "sub", "StaffOidc:NameClaim")]
    [InlineData("StaffOidc:Scopes", "groups \"roles\"", "StaffOidc:Scopes")]
    public void Start_IncompleteOrUnsafeSettingInProduction_StopsNamingIt(string key, string value, string named)
    {
        using var services = Services(Environments.Production, new(Complete) { [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<StaffOidcOptions>>().Value);

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://127.0.0.1:8080/realms/centre", true)]
    [InlineData("http://localhost:8080/realms/centre", true)]
    [InlineData("http://login.example.cn/realms/centre", false)]
    public void Validate_PlainHttpInDevelopment_OnlyOnThisComputer(string authority, bool valid)
    {
        var options = new StaffOidcOptions { Authority = authority, ClientId = "c", ClientSecret = "s" };

        Assert.Equal(valid, options.Validate(development: true).Count == 0);
    }

    private static ServiceProvider Services(string environment, Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<IHostEnvironment>(new HostingEnvironment { EnvironmentName = environment })
            .AddStaffOidc(configuration)
            .BuildServiceProvider();
    }
}
