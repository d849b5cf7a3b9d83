using System.Net;
using System.Net.Http.Json;
using ServerlessComplaints.Integration.Tests.LocalService;
using ServerlessComplaints.Integration.Tests.Resilience;
using ServerlessComplaints.LocalHost.Mail;
using ServerlessComplaints.Workflow.Api;
using ServerlessComplaints.Workflow.Orchestration;

namespace ServerlessComplaints.Integration.Tests.Hardening;

/// <summary>
/// The LocalHost service as its own process, its console log read back: whatever the log level, no action, evidence
/// or status-link credential from a request URL appears in a message, a state value or a scope.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class LogRedactionTests(AzuriteFixture azurite) : IAsyncLifetime
{
    // Shaped like real tokens; the service cannot tell a forged one from a real one before it is logged.
    private const string EvidenceToken = "dev.Q01QLTIwMjYxMjAxLTAwMDEvMS1waG90by5qcGc.1893456000.EvidenceSecretSig4Kd";
    private const string ForgedActionToken = "dev.eyJ0biI6IkNNUC0yMDI2MTIwMS0wMDAxIn0.ForgedActionSig7Zq";

    private readonly string _data = Path.Combine(Path.GetTempPath(), "sc-logs-" + Guid.NewGuid().ToString("N")[..8]);
    private HostProcess? _host;

    [Fact]
    public async Task EveryTokenUrl_LoggingAtTraceAsJsonWithScopes_NoTokenInAnyLine()
    {
        _host = await StartAsync(quiet: false,
            "--Logging:LogLevel:Default", "Trace", "--Logging:LogLevel:Microsoft.AspNetCore", "Trace",
            "--Logging:Console:FormatterName", "json", "--Logging:Console:FormatterOptions:IncludeScopes", "true");

        var (tokens, marker) = await HitEveryTokenUrlAsync(_host);
        await _host.WaitForOutputAsync(marker, TimeSpan.FromSeconds(10));

        var lines = _host.Output;
        Assert.Contains(lines, l => l.Contains("Request starting", StringComparison.Ordinal) && l.Contains("/actions/***", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("\"RequestPath\":\"/evidence/***\"", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("t=***", StringComparison.Ordinal));
        foreach (var token in tokens)
        {
            Assert.DoesNotContain(lines, l => l.Contains(token, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task RequestLogging_DefaultConfiguration_NotAtInformationWhileTheAppLogs()
    {
        _host = await StartAsync(quiet: false);

        var (tokens, _) = await HitEveryTokenUrlAsync(_host);
        await _host.WaitForOutputAsync("accepted via Web", TimeSpan.FromSeconds(10));
        await Task.Delay(TimeSpan.FromSeconds(1));

        var lines = _host.Output;
        Assert.DoesNotContain(lines, l => l.Contains("Request starting", StringComparison.Ordinal) || l.Contains("Request finished", StringComparison.Ordinal));
        foreach (var token in tokens)
        {
            Assert.DoesNotContain(lines, l => l.Contains(token, StringComparison.Ordinal));
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }

    private Task<HostProcess> StartAsync(bool quiet, params string[] logging) =>
        HostProcess.StartAsync(HostProcess.FreePort(),
        [
            "--LocalService:StorageConnectionString", azurite.ConnectionString, "--LocalService:TablePrefix", AzuriteFixture.UniqueName("l"),
            "--LocalService:EvidenceContainer", AzuriteFixture.UniqueName("ev"), "--LocalService:DataDirectory", _data, .. logging,
        ], quiet);

    /// <summary>
    /// A real status link and a real action link from the mail, a forged action link and an evidence link; returns the
    /// tokens and the marker of a last request, sent once the others have answered.
    /// </summary>
    private static async Task<(string[] Tokens, string Marker)> HitEveryTokenUrlAsync(HostProcess host)
    {
        using var http = new HttpClient { BaseAddress = new Uri(host.BaseUrl) };
        var accepted = await http.PostAsJsonAsync("/api/complaints", CaseClient.Submission("complaint"));
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var body = (await accepted.Content.ReadFromJsonAsync<IntakeAccepted>(WorkflowJson.Options))!;
        var statusUrl = new Uri(body.StatusUrl);
        var statusToken = statusUrl.Query[(statusUrl.Query.IndexOf("t=", StringComparison.Ordinal) + 2)..];
        var actionUrl = new Uri(await ActionLinkAsync(http, body.TrackingNumber));
        var actionToken = actionUrl.AbsolutePath["/actions/".Length..];

        await http.GetAsync(statusUrl.PathAndQuery);
        await http.GetAsync($"/api/complaints/{body.TrackingNumber}?lang=en&t={statusToken}");
        await http.GetAsync(actionUrl.PathAndQuery);
        await http.GetAsync($"/actions/{ForgedActionToken}");
        await http.PostAsync($"/actions/{ForgedActionToken}", new FormUrlEncodedContent([KeyValuePair.Create("comment", "x")]));
        await http.GetAsync($"/evidence/{EvidenceToken}");

        var marker = Guid.NewGuid().ToString("N");
        await http.GetAsync($"/healthz?end={marker}");
        return ([statusToken, actionToken, ForgedActionToken, EvidenceToken], marker);
    }

    private static async Task<string> ActionLinkAsync(HttpClient http, string trackingNumber)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            var mails = await http.GetFromJsonAsync<List<DevMail>>("/dev/mailbox.json") ?? [];
            var assignment = mails.FirstOrDefault(m => m.NotificationId?.StartsWith(trackingNumber, StringComparison.Ordinal) == true && m.NotificationId.EndsWith("-assignment", StringComparison.Ordinal));
            if (assignment is not null)
            {
                return System.Text.RegularExpressions.Regex.Match(assignment.Text, @"https?://\S+/actions/[^\s""'<>]+").Value;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"No assignment mail for {trackingNumber}.");
    }
}
