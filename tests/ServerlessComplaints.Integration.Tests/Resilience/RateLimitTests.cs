using System.Net;
using System.Net.Http.Json;
using ServerlessComplaints.Integration.Tests.LocalService;

namespace ServerlessComplaints.Integration.Tests.Resilience;

[Collection(AzuriteCollection.Name)]
public sealed class RateLimitTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "sc-rate-" + Guid.NewGuid().ToString("N")[..8]);
    private LocalHost.Hosting.LocalService? _service;

    [Fact]
    public async Task PublicRoutes_OverThePerClientLimit_429WithRetryAfter_StaffRoutesUnaffected()
    {
        _service = await LocalHost.Hosting.LocalService.StartAsync(
        [
            "--urls", "http://127.0.0.1:0", "--LocalService:StorageConnectionString", azurite.ConnectionString,
            "--LocalService:TablePrefix", AzuriteFixture.UniqueName("r"), "--LocalService:DataDirectory", _data,
            "--RateLimits:PublicPerMinute", "3", "--Logging:LogLevel:Default", "None",
        ]);
        using var http = new HttpClient { BaseAddress = new Uri(_service.BaseUrl) };
        using var staff = new HttpClient { BaseAddress = http.BaseAddress };
        staff.DefaultRequestHeaders.Authorization = new("Bearer", _service.StaffKeys["zhang.wei"]);

        var allowed = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            allowed.Add((await http.PostAsJsonAsync("/api/complaints", CaseClient.Submission("complaint"))).StatusCode);
        }

        var limited = await http.PostAsJsonAsync("/api/complaints", CaseClient.Submission("complaint"));
        var statusLookup = await http.GetAsync("/api/complaints/CMP-20261123-AAAAAA?t=x");
        var staffQueue = await staff.GetAsync("/api/staff/complaints");

        Assert.All(allowed, s => Assert.Equal(HttpStatusCode.Accepted, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(60), limited.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.TooManyRequests, statusLookup.StatusCode);
        Assert.Equal(HttpStatusCode.OK, staffQueue.StatusCode);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_service is not null)
        {
            await _service.DisposeAsync();
        }

        Directory.Delete(_data, recursive: true);
    }
}
