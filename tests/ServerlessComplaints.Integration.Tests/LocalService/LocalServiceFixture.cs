using System.Net.Http.Headers;
using System.Net.Http.Json;
using ServerlessComplaints.LocalHost.Hosting;
using ServerlessComplaints.LocalHost.Mail;
using ServerlessComplaints.LocalHost.Azurite;

namespace ServerlessComplaints.Integration.Tests.LocalService;

/// <summary>
/// A real Azurite and the real LocalHost service on a free port, talked to over HTTP. The follow-up delay is
/// shortened so a whole lifecycle fits in a test; everything else runs with the service's defaults.
/// </summary>
public class LocalServiceFixture : IAsyncLifetime
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "sc-localservice-" + Guid.NewGuid().ToString("N")[..8]);

    public AzuriteProcess Azurite { get; private set; } = null!;

    public string DataDirectory => _dataDirectory;

    public LocalHost.Hosting.LocalService Service { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    /// <summary>Mail to this address fails twice (both attempts of one activity), then goes through.</summary>
    public const string FailTwice = "fail.twice@example.cn";

    /// <summary>Mail to this address always fails.</summary>
    public const string FailAlways = "fail.always@example.cn";

    /// <summary>The Inbound Parse webhook's basic-auth password.</summary>
    public const string InboundSecret = "inbound-fixture-secret-0123456789";

    public string TablePrefix { get; } = AzuriteFixture.UniqueName("t");

    public async Task InitializeAsync()
    {
        Azurite = await ProcessLedger.StartAzuriteAsync(new AzuriteOptions { RepositoryRoot = AzuriteFixture.RepositoryRoot });
        await StartServiceAsync();
    }

    /// <summary>Stops the service (not Azurite) and starts it again on the same storage: a restart.</summary>
    public async Task RestartServiceAsync()
    {
        Http.Dispose();
        await Service.DisposeAsync();
        await StartServiceAsync();
    }

    public HttpClient StaffClient(string staffId)
    {
        var client = new HttpClient { BaseAddress = Http.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Service.StaffKeys[staffId]);
        return client;
    }

    public async Task<IReadOnlyList<DevMail>> MailsAsync() =>
        await Http.GetFromJsonAsync<List<DevMail>>("/dev/mailbox.json") ?? [];

    /// <summary>Polls the dev mailbox until a mail of <paramref name="kind"/> for the case arrives.</summary>
    public async Task<DevMail> WaitForMailAsync(string trackingNumber, string kind, string? to = null, int count = 1)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var matching = (await MailsAsync())
                .Where(m => m.NotificationId is { } id && id.StartsWith(trackingNumber, StringComparison.Ordinal) && id.EndsWith("-" + kind, StringComparison.Ordinal) && (to is null || m.To == to))
                .OrderBy(m => m.ReceivedAtUtc)
                .ToList();
            if (matching.Count >= count)
            {
                return matching[count - 1];
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"No {kind} mail #{count} for {trackingNumber} after 30 s; mails: {string.Join(", ", (await MailsAsync()).Select(m => m.NotificationId))}");
            }

            await Task.Delay(100);
        }
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await Service.DisposeAsync();
        await Azurite.DisposeAsync();
        Directory.Delete(_dataDirectory, recursive: true);
    }

    /// <summary>Arguments a derived fixture adds (the engine, for one).</summary>
    protected virtual IEnumerable<string> ExtraArguments => [];

    /// <summary>Exporters a derived fixture adds to the service's telemetry (which is off without one).</summary>
    protected virtual Action<OpenTelemetry.OpenTelemetryBuilder>? TelemetryExporters => null;

    private async Task StartServiceAsync()
    {
        Service = await LocalHost.Hosting.LocalService.StartAsync(
        [
            "--urls", "http://127.0.0.1:0",
            "--LocalService:StorageConnectionString", Azurite.ConnectionString,
            "--LocalService:TablePrefix", TablePrefix,
            "--LocalService:EvidenceContainer", "ev" + TablePrefix.ToLowerInvariant(),
            "--LocalService:DataDirectory", _dataDirectory,
            "--Workflow:FollowUpDelay", "00:00:01",
            "--Workflow:ActivityAttempts", "2",
            "--Workflow:ActivityFirstRetry", "00:00:00.100",
            "--LocalService:MailSinkFailures", $"{FailTwice}:2;{FailAlways}:1000",
            "--RateLimits:PublicPerMinute", "100000",
            "--InboundEmail:Secret", InboundSecret,
            "--Logging:LogLevel:Default", "Warning",
            .. Resilience.TestEngine.Arguments(),
            .. ExtraArguments,
        ], telemetryExporters: TelemetryExporters);
        Http = new HttpClient { BaseAddress = new Uri(Service.BaseUrl) };
    }
}
