using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using ServerlessComplaints.Web.Hosting;

namespace ServerlessComplaints.Functions.Tests.Hardening;

/// <summary>Outside Development a missing link or webhook secret stops the start, naming what to set; Development may go without.</summary>
public sealed class SurfaceSecretsTests
{
    [Fact]
    public void Validate_ProductionWithoutSecrets_FailsNamingEachSetting()
    {
        var secrets = new SurfaceSecrets { Missing = SurfaceSecrets.MissingIn(new ConfigurationBuilder().Build()) };

        var result = new SurfaceSecretsValidator(Environment(Environments.Production)).Validate(null, secrets);

        Assert.True(result.Failed);
        Assert.Contains("Security:StatusLinkKey", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("ActionTokens:Keys", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("InboundEmail__Secret", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ProductionWithEverySecret_Succeeds()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Security:StatusLinkKey"] = new string('s', 32),
            ["ActionTokens:Keys:k1"] = new string('a', 32),
            ["InboundEmail:Secret"] = "inbound-secret",
        }).Build();

        var result = new SurfaceSecretsValidator(Environment(Environments.Production)).Validate(null, new SurfaceSecrets { Missing = SurfaceSecrets.MissingIn(configuration) });

        Assert.True(result.Succeeded);
    }

    [Fact]
    public void Validate_DevelopmentWithoutSecrets_Succeeds()
    {
        var secrets = new SurfaceSecrets { Missing = SurfaceSecrets.MissingIn(new ConfigurationBuilder().Build()) };

        var result = new SurfaceSecretsValidator(Environment(Environments.Development)).Validate(null, secrets);

        Assert.True(result.Succeeded);
    }

    private static HostingEnvironment Environment(string name) => new() { EnvironmentName = name };
}
