using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ServerlessComplaints.Integration.Tests.Resilience;

namespace ServerlessComplaints.Integration.Tests.LocalService;

/// <summary>
/// Legacy Chinese charsets decoded by the service as it runs in production: a separate process, which has none of
/// the encoding registrations this test process makes. One process, twelve posts (four charsets; raw
/// with encoded words, raw with bare 8-bit headers, parsed with <c>charsets</c>).
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ChineseMailInChildProcessTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Secret = "child-process-inbound-secret-0123";
    private readonly string _data = Path.Combine(Path.GetTempPath(), "sc-charset-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly string _prefix = AzuriteFixture.UniqueName("g");
    private HostProcess? _host;

    [Fact]
    public async Task LegacyCharsets_RawAndParsed_SubjectNameBodyAndFileNameDecoded()
    {
        _host = await HostProcess.StartAsync(HostProcess.FreePort(),
        [
            "--LocalService:StorageConnectionString", azurite.ConnectionString, "--LocalService:TablePrefix", _prefix,
            "--LocalService:EvidenceContainer", "ev" + _prefix.ToLowerInvariant(), "--LocalService:DataDirectory", _data,
            "--RateLimits:PublicPerMinute", "100000", "--InboundEmail:Secret", Secret,
        ]);
        using var http = new HttpClient { BaseAddress = new Uri(_host.BaseUrl), Timeout = TimeSpan.FromSeconds(60) };
        var staffKey = JsonSerializer.Deserialize<JsonElement>(await File.ReadAllTextAsync(Path.Combine(_data, "dev-secrets.json")))
            .GetProperty("StaffApiKeys").GetProperty("gao.feng").GetString()!;
        using var staff = new HttpClient { BaseAddress = http.BaseAddress, Timeout = http.Timeout };
        staff.DefaultRequestHeaders.Authorization = new("Bearer", staffKey);

        var failures = new List<string>();
        for (var i = 0; i < CharsetMail.Samples.Length; i++)
        {
            var sample = CharsetMail.Samples[i];
            foreach (var mode in (string[])["raw", "raw 8-bit headers", "parsed"])
            {
                var address = $"{sample.Charset.ToLowerInvariant()}.{Guid.NewGuid():N}"[..24] + "@example.cn";
                var messageId = $"{Guid.NewGuid():N}@mail.example.cn";
                using var form = mode == "parsed"
                    ? CharsetMail.Parsed(sample, address, messageId)
                    : CharsetMail.Raw(sample, address, messageId, eightBitHeaders: mode != "raw", eightBitBody: i % 2 == 0, rfc2231Name: i >= 2);
                using var request = new HttpRequestMessage(HttpMethod.Post, "/api/inbound-email") { Content = form };
                request.Headers.Authorization = SendGridForm.Basic(Secret);

                var response = await http.SendAsync(request);

                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{sample.Charset} {mode}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                var tn = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("trackingNumber").GetString()!;
                var detail = await staff.GetFromJsonAsync<JsonElement>($"/api/staff/complaints/{tn}");
                var details = detail.GetProperty("record").GetProperty("details");
                var actual = (
                    details.GetProperty("subject").GetString(),
                    details.GetProperty("customer").GetProperty("name").GetString(),
                    details.GetProperty("description").GetString(),
                    string.Join("|", detail.GetProperty("evidence").EnumerateArray().Select(e => e.GetProperty("fileName").GetString())));
                if (actual != (sample.Subject, sample.Name, sample.Body, sample.FileName))
                {
                    failures.Add($"{sample.Charset} {mode}: {actual}");
                }
            }
        }

        Assert.True(failures.Count == 0, "Mangled:\n" + string.Join("\n", failures));
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
}
