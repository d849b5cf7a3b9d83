using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ServerlessComplaints.LocalHost.Mail;

namespace ServerlessComplaints.Integration.Tests.Resilience;

/// <summary>
/// SIGKILL the service in the middle of many in-flight cases, restart it on the same storage, and check that every
/// case reaches its stage, no mail is lost or duplicated in the mailbox, evidence is kept and pending timers fire.
/// CRASH_TEST_CASES sets the number of cases (default 60; the full run uses 300).
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class CrashTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];
    private readonly string _data = Path.Combine(Path.GetTempPath(), "sc-crash-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly string _prefix = AzuriteFixture.UniqueName("c");
    private readonly int _port = HostProcess.FreePort();
    private HostProcess? _host;
    private Dictionary<string, string> _keys = [];

    [Fact]
    public async Task SigkillMidFlight_RestartOnSameStorage_EveryCaseReachesItsStageWithoutLostOrDuplicateMail()
    {
        var count = int.TryParse(Environment.GetEnvironmentVariable("CRASH_TEST_CASES"), out var n) ? n : 60;
        await StartAsync();
        var cases = new List<(string Tn, int Group)>();
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) =>
        {
            var tn = await SubmitAsync(i % 3);
            lock (cases)
            {
                cases.Add((tn, i % 3));
            }
        });
        await WaitForAsync(cases, c => MailCount(c.Tn, "assignment") == 1, "assignment mails");

        // Findings for two groups, then a kill while those steps are running.
        var resolving = cases.Where(c => c.Group < 2).ToList();
        var findings = Task.WhenAll(resolving.Select(c => ActAsync(c.Tn, "findings", new { rootCause = "rc", responsibleParty = "company", facts = "f", remedy = new { type = "repair", amount = 80, description = "维修" } })));
        await Task.Delay(300);
        await _host!.KillAsync();
        await findings.ContinueWith(_ => { }, TaskScheduler.Default);
        await StartAsync();
        await ResendRefusedAsync(resolving, "findings", new { rootCause = "rc", responsibleParty = "company", facts = "f", remedy = new { type = "repair", amount = 80, description = "维修" } }, "offer");
        await WaitForAsync(resolving, c => MailCount(c.Tn, "offer") == 1, "offer mails after the first kill");

        // Group 1 through execution; kill while follow-up timers (3 s) are pending.
        var executing = cases.Where(c => c.Group == 1).ToList();
        await Task.WhenAll(executing.Select(c => ActAsync(c.Tn, "customer-response", new { accepted = true })));
        await WaitForAsync(executing, c => MailCount(c.Tn, "executionrequest") == 1, "execution requests");
        await Task.WhenAll(executing.Select(c => ActAsync(c.Tn, "execute", new { reference = "EX-" + c.Tn[^6..] })));
        await WaitForAsync(executing, c => MailCount(c.Tn, "executionnotice") == 1, "execution notices");
        await _host.KillAsync();
        await StartAsync();
        await WaitForAsync(executing, c => MailCount(c.Tn, "survey") == 1, "survey mails from timers that were pending at the kill");

        var mails = await MailsAsync();
        Assert.Equal(mails.Count, mails.Select(m => m.NotificationId).Distinct().Count());
        Assert.True(mails.Sum(m => m.Deliveries - 1) <= 2, "more duplicate deliveries than the two interrupted sends");
        // The record follows the orchestration by one activity: give the last steps a moment to land.
        var details = new Dictionary<string, System.Text.Json.JsonElement>();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        do
        {
            foreach (var (tn, _) in cases)
            {
                details[tn] = await DetailAsync(tn);
            }
        }
        while (cases.Any(c => Stage(details[c.Tn]) != Expected(c.Group)) && DateTime.UtcNow < deadline && await Delay());

        foreach (var (tn, group) in cases)
        {
            var detail = details[tn];
            Assert.True(detail.GetProperty("runtimeStatus").GetString() == "Running", $"{tn}: {detail.GetProperty("runtimeStatus")} {(detail.TryGetProperty("failure", out var f) ? f.GetString() : "")}");
            Assert.Equal(Expected(group), Stage(detail));
            if (group == 2)
            {
                Assert.Single(detail.GetProperty("evidence").EnumerateArray());
            }
        }
    }

    private static string Expected(int group) => group switch { 0 => "resolution", 1 => "follow-up", _ => "investigation" };

    private static string? Stage(System.Text.Json.JsonElement detail) => detail.GetProperty("record").GetProperty("stage").GetString();

    private static async Task<bool> Delay()
    {
        await Task.Delay(250);
        return true;
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

    private List<DevMail> _mails = [];

    private int MailCount(string tn, string kind) =>
        _mails.Count(m => m.NotificationId is { } id && id.StartsWith(tn, StringComparison.Ordinal) && id.EndsWith("-" + kind, StringComparison.Ordinal));

    private async Task StartAsync()
    {
        _host = await HostProcess.StartAsync(_port,
        [
            "--LocalService:StorageConnectionString", azurite.ConnectionString, "--LocalService:TablePrefix", _prefix,
            "--LocalService:EvidenceContainer", "ev" + _prefix.ToLowerInvariant(), "--LocalService:DataDirectory", _data,
            "--Workflow:FollowUpDelay", "00:00:03", "--RateLimits:PublicPerMinute", "1000000",
            .. TestEngine.Arguments(),
        ]);
        _keys = JsonSerializer.Deserialize<JsonElement>(await File.ReadAllTextAsync(Path.Combine(_data, "dev-secrets.json")))
            .GetProperty("StaffApiKeys").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);
    }

    private HttpClient Client(string? staff = null)
    {
        var http = new HttpClient { BaseAddress = new Uri(_host!.BaseUrl), Timeout = TimeSpan.FromSeconds(30) };
        if (staff is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _keys[staff]);
        }

        return http;
    }

    private async Task<string> SubmitAsync(int group)
    {
        using var http = Client();
        var kind = group == 2 ? "inquiry" : "complaint";
        using var form = new MultipartFormDataContent
        {
            { new StringContent(kind), "kind" }, { new StringContent("product-quality"), "category" },
            { new StringContent("电饭煲无法加热"), "subject" }, { new StringContent("使用两天后无法加热"), "description" },
            { new StringContent("王芳"), "customer.name" }, { new StringContent($"c{Guid.NewGuid():N}@example.cn"), "customer.email" },
        };
        if (group == 2)
        {
            form.Add(new ByteArrayContent(Png), "evidence", "photo.png");
        }

        var response = await http.PostAsync("/api/complaints", form);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("trackingNumber").GetString()!;
    }

    private async Task<HttpStatusCode?> ActAsync(string tn, string action, object body)
    {
        try
        {
            using var http = Client("zhang.wei");
            return (await http.PostAsJsonAsync($"/api/staff/complaints/{tn}/{action}", body)).StatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return null; // the host was killed under this request
        }
    }

    /// <summary>An action whose request died with the host, and whose event never got in, is sent again (a user would retry).</summary>
    private async Task ResendRefusedAsync(List<(string Tn, int Group)> cases, string action, object body, string mailKind)
    {
        await Task.Delay(2000);
        _mails = await MailsAsync();
        foreach (var c in cases.Where(c => MailCount(c.Tn, mailKind) == 0))
        {
            var detail = await DetailAsync(c.Tn);
            var raised = detail.GetProperty("timeline").EnumerateArray().Any(e => e.GetProperty("action").GetString() == action);
            if (!raised && await ActAsync(c.Tn, action, body) is var status && status is not HttpStatusCode.Accepted and not HttpStatusCode.Conflict)
            {
                Assert.Fail($"{c.Tn}: re-sending {action} gave {status}");
            }
        }
    }

    private async Task<JsonElement> DetailAsync(string tn)
    {
        using var http = Client("zhang.wei");
        return await http.GetFromJsonAsync<JsonElement>($"/api/staff/complaints/{tn}");
    }

    private async Task<List<DevMail>> MailsAsync()
    {
        using var http = Client();
        return await http.GetFromJsonAsync<List<DevMail>>("/dev/mailbox.json") ?? [];
    }

    private async Task WaitForAsync(List<(string Tn, int Group)> cases, Func<(string Tn, int Group), bool> done, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(120 + (cases.Count / 2));
        while (true)
        {
            _mails = await MailsAsync();
            var missing = cases.Where(c => !done(c)).ToList();
            if (missing.Count == 0)
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, $"{missing.Count} of {cases.Count} cases still waiting for {what}, e.g. {missing[0].Tn}");
            await Task.Delay(250);
        }
    }
}
