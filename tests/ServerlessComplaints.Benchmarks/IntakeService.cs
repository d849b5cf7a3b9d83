using System.Net;
using System.Text;
using ServerlessComplaints.LocalHost.Hosting;

namespace ServerlessComplaints.Benchmarks;

/// <summary>The real LocalHost service started in-process on a free port and a client that submits complaints to it.</summary>
internal sealed class IntakeService : IAsyncDisposable
{
    private readonly LocalService _service;
    private readonly string _dataDirectory;
    private readonly HttpClient _http;
    private int _accepted;

    private IntakeService(LocalService service, string dataDirectory, string taskHubName)
    {
        TaskHubName = taskHubName;
        _service = service;
        _dataDirectory = dataDirectory;
        _http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1024 }) { BaseAddress = new Uri(service.BaseUrl) };
    }

    /// <summary>The service's task hub (its queues: <see cref="ServerlessComplaints.Durable.Core.TaskHubQueues"/>).</summary>
    public string TaskHubName { get; }

    /// <summary>Cases accepted with 202 so far (the service's runtime works on them in the background).</summary>
    public int Accepted => _accepted;

    public static async Task<IntakeService> StartAsync(string connectionString, CancellationToken cancellationToken)
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "sc-bench-" + Guid.NewGuid().ToString("N")[..8]);
        var hub = "bench" + Guid.NewGuid().ToString("N")[..10];
        var service = await LocalService.StartAsync(
        [
            "--urls", "http://127.0.0.1:0",
            "--LocalService:StorageConnectionString", connectionString,
            "--LocalService:TablePrefix", "b" + Guid.NewGuid().ToString("N")[..10],
            "--LocalService:DataDirectory", dataDirectory,
            "--RateLimits:PublicPerMinute", "100000000",
            "--Logging:LogLevel:Default", "Warning",
            // The backend's warnings (abandoned messages under load, session asserts at a forced stop) would bury the report.
            "--Logging:LogLevel:DurableTask", "None",
            "--DurableTask:TaskHubName", hub,
        ], cancellationToken: cancellationToken);
        return new IntakeService(service, dataDirectory, hub);
    }

    /// <summary>POST /api/complaints with the sample complaint; true on 202 Accepted.</summary>
    public async Task<bool> SubmitAsync(CancellationToken cancellationToken)
    {
        using var content = new StringContent(ComplaintSamples.Json, Encoding.UTF8, "application/json");
        using var response = await _http.PostAsync(new Uri("/api/complaints", UriKind.Relative), content, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Accepted)
        {
            return false;
        }

        Interlocked.Increment(ref _accepted);
        return true;
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _service.DisposeAsync();
        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }
}
