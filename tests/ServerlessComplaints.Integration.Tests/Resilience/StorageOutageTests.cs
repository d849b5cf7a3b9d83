using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ServerlessComplaints.Integration.Tests.LocalService;
using ServerlessComplaints.LocalHost.Azurite;
using Xunit.Abstractions;

namespace ServerlessComplaints.Integration.Tests.Resilience;

/// <summary>Azurite stops under a running service (persistent data) and comes back: no false 202, a clear health answer, cases go on.</summary>
public sealed class StorageOutageTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();

    private void Step(string what) => output.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} +{_clock.Elapsed.TotalSeconds:0.0} s {what}");

    private readonly string _data = Path.Combine(Path.GetTempPath(), "sc-outage-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly (int Blob, int Queue, int Table) _ports = (HostProcess.FreePort(), HostProcess.FreePort(), HostProcess.FreePort());
    private AzuriteProcess? _azurite;
    private LocalHost.Hosting.LocalService? _service;

    [Fact]
    public async Task AzuriteStopsAndReturns_Intake503HealthUnhealthy_ThenInFlightCasesContinue()
    {
        const string engine = TestEngine.DurableTask;
        await StartAzuriteAsync();
        _service = await LocalHost.Hosting.LocalService.StartAsync(
        [
            "--urls", "http://127.0.0.1:0", "--LocalService:StorageConnectionString", _azurite!.ConnectionString,
            "--LocalService:DataDirectory", _data, "--Logging:LogLevel:Default", "None", "--RateLimits:PublicPerMinute", "100000",
            .. TestEngine.Arguments(engine),
        ]);
        using var http = new HttpClient { BaseAddress = new Uri(_service.BaseUrl) };
        Step("service started");
        var before = await SubmitAsync(http);
        await WaitForMailAsync(http, before, "assignment");

        Step("first case assigned");
        var inFlight = await SubmitAsync(http);
        Step("in-flight case accepted");
        await _azurite.DisposeAsync();
        Step("Azurite stopped");
        var intake = await http.PostAsJsonAsync("/api/complaints", CaseClient.Submission("complaint"));
        var health = await http.GetAsync("/healthz");
        using var staff = new HttpClient { BaseAddress = http.BaseAddress };
        staff.DefaultRequestHeaders.Authorization = new("Bearer", _service.StaffKeys["zhang.wei"]);
        var action = await staff.PostAsJsonAsync($"/api/staff/complaints/{before}/findings", new { });
        Step("requests during the outage answered");
        await StartAzuriteAsync();
        Step("Azurite back");
        await WaitForMailAsync(http, inFlight, "assignment");
        Step("in-flight case assigned");
        var findings = await staff.PostAsJsonAsync($"/api/staff/complaints/{before}/findings",
            new { rootCause = "rc", responsibleParty = "company", facts = "f", remedy = new { type = "apology", description = "致歉" } });
        Step("findings answered " + (int)findings.StatusCode);
        await WaitForMailAsync(http, before, "offer");
        Step("offer mailed");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, intake.StatusCode);
        Assert.True(intake.Headers.RetryAfter is not null, "503 without Retry-After");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Equal("unreachable", (await health.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("storage").GetString());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, action.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, findings.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/healthz")).StatusCode);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_service is not null)
        {
            await _service.DisposeAsync();
        }

        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }

        Directory.Delete(_data, recursive: true);
    }

    private async Task StartAzuriteAsync() =>
        _azurite = await ProcessLedger.StartAzuriteAsync(new AzuriteOptions
        {
            RepositoryRoot = AzuriteFixture.RepositoryRoot,
            DataDirectory = Path.Combine(_data, "azurite"),
            BlobPort = _ports.Blob,
            QueuePort = _ports.Queue,
            TablePort = _ports.Table,
        });

    private static async Task<string> SubmitAsync(HttpClient http)
    {
        var response = await http.PostAsJsonAsync("/api/complaints", CaseClient.Submission("complaint"));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("trackingNumber").GetString()!;
    }

    /// <summary>
    /// Up to 120 s: alone, a case goes on 6 s after Azurite returns and a step takes under a second; with the whole
    /// integration suite running beside it on two cores, 33 s and 20 s were measured, and 60 s once ran out in CI.
    /// </summary>
    private static async Task WaitForMailAsync(HttpClient http, string tn, string kind)
    {
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (true)
        {
            try
            {
                var mails = await http.GetFromJsonAsync<List<LocalHost.Mail.DevMail>>("/dev/mailbox.json") ?? [];
                if (mails.Any(m => m.NotificationId is { } id && id.StartsWith(tn, StringComparison.Ordinal) && id.EndsWith("-" + kind, StringComparison.Ordinal)))
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // The mailbox itself lives in storage; keep polling while it comes back.
            }

            Assert.True(DateTime.UtcNow < deadline, $"no {kind} mail for {tn} within 120 s");
            await Task.Delay(200);
        }
    }
}
