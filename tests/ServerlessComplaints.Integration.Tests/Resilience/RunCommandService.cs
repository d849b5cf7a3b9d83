using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ServerlessComplaints.Integration.Tests.LocalService;
using ServerlessComplaints.LocalHost.Azurite;
using ServerlessComplaints.LocalHost.Mail;

namespace ServerlessComplaints.Integration.Tests.Resilience;

/// <summary>
/// The service started the way the run command starts it: no storage connection string, so it starts its own Azurite
/// with data on disk in its data directory (here a temporary one, on fixed free ports across restarts), with the
/// Durable Task settings a test chooses (<see cref="TestEngine.Arguments"/> for the short lease and visibility).
/// Dispose stops every start's service and Azurite by process id.
/// </summary>
internal sealed class RunCommandService(params string[] durableArguments) : IAsyncDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "sc-dur-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly int _port = HostProcess.FreePort();
    private readonly (int Blob, int Queue, int Table) _azuritePorts = (HostProcess.FreePort(), HostProcess.FreePort(), HostProcess.FreePort());
    private readonly List<HostProcess> _starts = [];
    private readonly List<HostProcess> _nodes = [];
    private Dictionary<string, string> _keys = [];

    public HostProcess Current => _starts[^1];

    public async Task<HostProcess> StartAsync(bool quiet = true)
    {
        var host = await HostProcess.StartAsync(_port,
        [
            "--LocalService:DataDirectory", _data,
            "--LocalService:AzuriteBlobPort", $"{_azuritePorts.Blob}", "--LocalService:AzuriteQueuePort", $"{_azuritePorts.Queue}",
            "--LocalService:AzuriteTablePort", $"{_azuritePorts.Table}", "--RateLimits:PublicPerMinute", "1000000",
            .. durableArguments,
        ], quiet);
        _starts.Add(host);
        _keys = JsonSerializer.Deserialize<JsonElement>(await File.ReadAllTextAsync(Path.Combine(_data, "dev-secrets.json")))
            .GetProperty("StaffApiKeys").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);
        return host;
    }

    /// <summary>
    /// Starts another node of the same service: a second process on its own port, on the first one's Azurite (through
    /// <c>LocalService:StorageConnectionString</c>) and its data directory (the dev secrets: staff keys, link-signing keys).
    /// </summary>
    public async Task<HostProcess> StartNodeAsync()
    {
        var azurite = Current.Azurite ?? throw new InvalidOperationException("The first node has no Azurite of its own.");
        var node = await HostProcess.StartAsync(HostProcess.FreePort(),
        [
            "--LocalService:DataDirectory", _data,
            "--LocalService:StorageConnectionString", AzuriteProcess.ConnectionStringFor(azurite.BlobPort, azurite.QueuePort, azurite.TablePort),
            "--RateLimits:PublicPerMinute", "1000000",
            .. durableArguments,
        ]);
        _nodes.Add(node);
        return node;
    }

    /// <summary>Submits a complaint (to <paramref name="node"/>, else the latest start); returns its tracking number once answered 202 (null when not).</summary>
    public async Task<string?> TrySubmitAsync(HostProcess? node = null)
    {
        using var http = Client(node: node);
        try
        {
            var response = await http.PostAsJsonAsync("/api/complaints", CaseClient.Submission("complaint", email: $"c{Guid.NewGuid():N}@example.cn"));
            return response.StatusCode == HttpStatusCode.Accepted
                ? (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("trackingNumber").GetString()
                : null;
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    public async Task<string> SubmitAsync() => await TrySubmitAsync() ?? throw new InvalidOperationException("The service did not answer 202.");

    /// <summary>The staff view of a case, or null when the service does not know it (404).</summary>
    public async Task<JsonElement?> DetailAsync(string trackingNumber)
    {
        using var http = Client("zhang.wei");
        var response = await http.GetAsync($"/api/staff/complaints/{trackingNumber}");
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public async Task<List<DevMail>> MailsAsync()
    {
        using var http = Client();
        return await http.GetFromJsonAsync<List<DevMail>>("/dev/mailbox.json") ?? [];
    }

    /// <summary>The cases of <paramref name="trackingNumbers"/> that have their assignment mail (their workflow ran past intake).</summary>
    public async Task<HashSet<string>> AssignedAsync(IEnumerable<string> trackingNumbers)
    {
        var mails = await MailsAsync();
        return [.. trackingNumbers.Where(tn => MailCount(mails, tn, "assignment") > 0)];
    }

    /// <summary>
    /// Polls until every case has its assignment mail or <paramref name="timeout"/> passes; returns when the first and the
    /// last case that were waiting got theirs (relative to <paramref name="since"/>) and the cases still waiting.
    /// </summary>
    public async Task<(TimeSpan? First, TimeSpan? Last, List<string> Waiting)> WaitForAssignmentAsync(IReadOnlyCollection<string> trackingNumbers, DateTime since, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        var waiting = trackingNumbers.ToList();
        TimeSpan? first = null, last = null;
        while (waiting.Count > 0)
        {
            var assigned = await AssignedAsync(waiting);
            if (assigned.Count > 0)
            {
                last = DateTime.UtcNow - since;
                first ??= last;
                waiting.RemoveAll(assigned.Contains);
            }

            if (waiting.Count == 0 || DateTime.UtcNow >= deadline)
            {
                break;
            }

            await Task.Delay(250);
        }

        return (first, last, waiting);
    }

    public static int MailCount(IEnumerable<DevMail> mails, string trackingNumber, string kind) =>
        mails.Count(m => m.NotificationId is { } id && id.StartsWith(trackingNumber, StringComparison.Ordinal) && id.EndsWith("-" + kind, StringComparison.Ordinal));

    /// <summary>Waits until every case has its acknowledgement and its assignment mail (its workflow ran past intake); returns the cases that did not.</summary>
    public async Task<List<string>> WaitForAssignmentAsync(IReadOnlyCollection<string> trackingNumbers, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var mails = await MailsAsync();
            var waiting = trackingNumbers.Where(tn => MailCount(mails, tn, "acknowledgement") == 0 || MailCount(mails, tn, "assignment") == 0).ToList();
            if (waiting.Count == 0 || DateTime.UtcNow > deadline)
            {
                return waiting;
            }

            await Task.Delay(250);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            await node.DisposeAsync();
        }

        // The latest start first: it stops the Azurite that earlier (killed) starts may have left to it.
        for (var i = _starts.Count - 1; i >= 0; i--)
        {
            await _starts[i].DisposeAsync();
        }

        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }

    private HttpClient Client(string? staff = null, HostProcess? node = null)
    {
        var http = new HttpClient { BaseAddress = new Uri((node ?? Current).BaseUrl), Timeout = TimeSpan.FromSeconds(30) };
        if (staff is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _keys[staff]);
        }

        return http;
    }
}
