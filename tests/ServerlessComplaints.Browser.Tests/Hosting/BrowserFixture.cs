using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Playwright;
using ServerlessComplaints.LocalHost.Azurite;
using ServerlessComplaints.LocalHost.Mail;
using ServerlessComplaints.Browser.Tests.Pages;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace ServerlessComplaints.Browser.Tests.Hosting;

/// <summary>
/// One Azurite, the real local service on a free port, and Debian's Chromium under Playwright, shared by every browser
/// test; each test opens its own browser context (language, screen). Stopped in reverse order by the fixture.
/// </summary>
public sealed class BrowserFixture(IMessageSink diagnostics) : IAsyncLifetime
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "sc-browser-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly ConcurrentDictionary<string, Lazy<Task<FiledCase>>> _filedCases = new();
    private AzuriteProcess? _azurite;
    private LocalHost.Hosting.LocalService? _service;
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public string BaseUrl => _service!.BaseUrl;

    /// <summary>The local service's own services (its stores), for tests that seed data directly.</summary>
    public IServiceProvider Services => _service!.App.Services;

    public async Task InitializeAsync()
    {
        var chromium = SystemChromium.EnsureInstalledAsync(Log);
        if (!File.Exists(RepositoryFolder.AxeScript))
        {
            throw new InvalidOperationException($"axe-core is missing ({RepositoryFolder.AxeScript}): run  npm install  in {RepositoryFolder.Root}.");
        }

        _azurite = await AzuriteProcess.StartAsync(new AzuriteOptions { RepositoryRoot = RepositoryFolder.Root });
        ProcessLedger.Record(_azurite.ProcessId, "azurite");
        var prefix = "b" + Guid.NewGuid().ToString("N")[..12];
        _service = await LocalHost.Hosting.LocalService.StartAsync(
        [
            "--urls", "http://127.0.0.1:0",
            "--LocalService:StorageConnectionString", _azurite.ConnectionString,
            "--LocalService:TablePrefix", prefix,
            "--LocalService:EvidenceContainer", "ev" + prefix,
            "--LocalService:DataDirectory", _dataDirectory,
            "--RateLimits:PublicPerMinute", "100000",
            // The survey comes two seconds after the remedy is carried out, so the whole journey fits in a test.
            "--Workflow:FollowUpDelay", "00:00:02",
            "--Logging:LogLevel:Default", "Warning",
            // One partition polled every 0.5 s: mails arrive within a second or two.
            "--DurableTask:PartitionCount", "1", "--DurableTask:MaxQueuePollingInterval", "00:00:00.500",
            // Throw-away data: a stop need not drain (the graceful drain took 7 s of every run).
            "--DurableTask:StopTimeout", "00:00:01",
        ]);
        Http = new HttpClient { BaseAddress = new Uri(_service.BaseUrl) };
        // The shared cases are filed now, so their mails are waiting when the tests that read them run.
        _ = FiledCaseAsync(CustomerLanguage.Chinese);
        _ = FiledCaseAsync(CustomerLanguage.English);

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = await chromium, Args = SystemChromium.Arguments, Headless = true });
        await RecordBrowserProcessAsync();
        Log($"Browser tests: service {_service.BaseUrl}, Chromium {Browser.Version}, screenshots in {RepositoryFolder.Screenshots}");
    }

    /// <summary>A fresh browser context in the customer's language and screen size, axe-core allowed in past the pages' CSP.</summary>
    public async Task<IPage> OpenAsync(CustomerLanguage language, Screen screen)
    {
        var context = await Browser.NewContextAsync(new()
        {
            BaseURL = BaseUrl,
            Locale = language.Locale,
            ViewportSize = new() { Width = screen.Width, Height = screen.Height },
            IsMobile = screen.Mobile,
            HasTouch = screen.Mobile,
            DeviceScaleFactor = 1,
            BypassCSP = true, // axe-core is injected as an inline script; the pages allow none
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    public HttpClient StaffClient()
    {
        var client = new HttpClient { BaseAddress = Http.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _service!.StaffKeys.Values.First());
        return client;
    }

    public async Task<IReadOnlyList<DevMail>> MailsAsync() =>
        await Http.GetFromJsonAsync<List<DevMail>>("/dev/mailbox.json") ?? [];

    /// <summary>Polls the dev mailbox until a mail of <paramref name="kind"/> (its notification id's suffix) for the case arrives.</summary>
    public async Task<DevMail> WaitForMailAsync(string trackingNumber, string kind)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var mails = await MailsAsync();
            if (mails.FirstOrDefault(m => m.NotificationId is { } id && id.StartsWith(trackingNumber, StringComparison.Ordinal) && id.EndsWith("-" + kind, StringComparison.Ordinal)) is { } mail)
            {
                return mail;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"No {kind} mail for {trackingNumber} after 30 s; mails: {string.Join(", ", mails.Select(m => m.NotificationId))}");
            }

            await Task.Delay(200);
        }
    }

    /// <summary>One case per language, filed once over the API and shared by the tests that read its mails.</summary>
    public Task<FiledCase> FiledCaseAsync(CustomerLanguage language) =>
        _filedCases.GetOrAdd(language.Code, _ => new Lazy<Task<FiledCase>>(() => FiledCase.FileAsync(this, language))).Value;

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        Http?.Dispose();
        if (_service is not null)
        {
            await _service.DisposeAsync();
        }

        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }

        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }

    private async Task RecordBrowserProcessAsync()
    {
        var cdp = await Browser.NewBrowserCDPSessionAsync();
        var info = await cdp.SendAsync("SystemInfo.getProcessInfo");
        foreach (var process in info?.GetProperty("processInfo").EnumerateArray() ?? default)
        {
            if (process.GetProperty("type").GetString() == "browser")
            {
                ProcessLedger.Record(process.GetProperty("id").GetInt32(), "chromium");
            }
        }

        await cdp.DetachAsync();
    }

    private void Log(string message) => diagnostics.OnMessage(new DiagnosticMessage(message));
}
