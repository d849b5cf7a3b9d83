using System.Text.Json;

namespace ServerlessComplaints.Functions.Tests.Hardening;

/// <summary>
/// The Functions host's own telemetry, configured in the built app's host.json: the host's request telemetry carries
/// the URL path (<c>/actions/{token}</c>, <c>/evidence/{token}</c>), so it is not sent, and no request auto-collection.
/// </summary>
public sealed class HostJsonTests
{
    private static readonly JsonElement Logging = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "host.json"))).RootElement.GetProperty("logging");

    [Fact]
    public void LogLevels_HostResults_NoneSoNoRequestTelemetryWithTokenPaths()
    {
        var levels = Logging.GetProperty("logLevel");

        Assert.Equal("None", levels.GetProperty("Host.Results").GetString());
        Assert.Equal("Warning", levels.GetProperty("Microsoft.AspNetCore").GetString());
    }

    [Fact]
    public void ApplicationInsights_HttpTriggerExtendedInfo_Off()
    {
        var options = Logging.GetProperty("applicationInsights").GetProperty("httpAutoCollectionOptions");

        Assert.False(options.GetProperty("enableHttpTriggerExtendedInfoCollection").GetBoolean());
    }
}
