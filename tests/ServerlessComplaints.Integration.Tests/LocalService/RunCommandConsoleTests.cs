using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.RegularExpressions;
using ServerlessComplaints.Integration.Tests.Resilience;

namespace ServerlessComplaints.Integration.Tests.LocalService;

/// <summary>
/// What a newcomer reads in the run command's console, from the service as its own process: the banner with each staff
/// key's role and no request or hosting log lines unless <c>--verbose</c>; a busy port as one line and a failed exit.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed partial class RunCommandConsoleTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "sc-console-" + Guid.NewGuid().ToString("N")[..8]);
    private HostProcess? _host;

    [Fact]
    public async Task Start_PortTaken_OneLineNamingAFreePortAndAFailedExit()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        var (exitCode, lines) = await RunToExitAsync(
            ["--urls", $"http://127.0.0.1:{port}", "--LocalService:DataDirectory", _data, "--LocalService:StorageConnectionString", azurite.ConnectionString]);

        var line = Assert.Single(lines);
        var match = PortInUse().Match(line);
        Assert.True(match.Success, line);
        Assert.Equal($"{port}", match.Groups["port"].Value);
        Assert.NotEqual($"{port}", match.Groups["free"].Value);
        Assert.NotEqual(0, exitCode);
    }

    [Fact]
    public async Task Start_Default_BannerWithEachStaffKeysRoleAndNoRequestOrHostingLines()
    {
        _host = await StartAsync();

        await SubmitAsync(_host);

        var output = string.Join('\n', _host.Output);
        var secrets = JsonSerializer.Deserialize<JsonElement>(await File.ReadAllTextAsync(Path.Combine(_data, "dev-secrets.json")));
        var keys = secrets.GetProperty("StaffApiKeys");
        Assert.Matches($@"zhang\.wei +case owner \(staff; approves up to 200\) +{keys.GetProperty("zhang.wei").GetString()}", output);
        Assert.Matches($@"wang\.lei +supervisor \(approves up to 1000\) +{keys.GetProperty("wang.lei").GetString()}", output);
        Assert.Matches($@"li\.na +department manager \(approves any amount\) +{keys.GetProperty("li.na").GetString()}", output);
        Assert.Matches($@"gao\.feng +complaint-centre head \(approves any amount\) +{keys.GetProperty("gao.feng").GetString()}", output);
        foreach (var other in new[] { "StatusLinkKey", "ActionTokenKey", "InboundEmailSecret" })
        {
            Assert.DoesNotContain(secrets.GetProperty(other).GetString()!, output, StringComparison.Ordinal);
        }

        Assert.Contains("accepted via Web", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Now listening on", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Request starting", output, StringComparison.Ordinal);
        Assert.DoesNotContain("activity of orchestration", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_Verbose_RequestAndHostingLinesToo()
    {
        _host = await StartAsync("--verbose");

        await SubmitAsync(_host);
        await _host.WaitForOutputAsync("Request finished", TimeSpan.FromSeconds(10));

        Assert.Contains(_host.Output, l => l.Contains("Now listening on", StringComparison.Ordinal));
        Assert.Contains(_host.Output, l => l.Contains("Request starting HTTP/1.1 POST", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Start_ConfiguredStaffKeys_NeverPrinted()
    {
        const string Configured = "configured-staff-key-not-for-the-console-0123";

        _host = await StartAsync("--Staff:ApiKeys:zhang.wei", Configured);

        Assert.DoesNotContain(_host.Output, l => l.Contains(Configured, StringComparison.Ordinal));
        Assert.Contains(_host.Output, l => l.Contains("staff keys: from configuration (Staff:ApiKeys), not shown", StringComparison.Ordinal));
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

    private Task<HostProcess> StartAsync(params string[] args) =>
        HostProcess.StartAsync(HostProcess.FreePort(),
        [
            "--LocalService:StorageConnectionString", azurite.ConnectionString, "--LocalService:TablePrefix", AzuriteFixture.UniqueName("c"),
            "--LocalService:EvidenceContainer", AzuriteFixture.UniqueName("ev"), "--LocalService:DataDirectory", _data, .. args,
        ], quiet: false);

    private static async Task SubmitAsync(HostProcess host)
    {
        using var http = new HttpClient { BaseAddress = new Uri(host.BaseUrl) };
        var accepted = await http.PostAsJsonAsync("/api/complaints", CaseClient.Submission("complaint"));
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        await host.WaitForOutputAsync("accepted via Web", TimeSpan.FromSeconds(10));
    }

    /// <summary>Runs the service as the run command does until it exits (60 s at most); returns its exit code and its non-empty lines.</summary>
    private static async Task<(int ExitCode, List<string> Lines)> RunToExitAsync(string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ServerlessComplaints.LocalHost.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        ProcessLedger.Record(process.Id, "service");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("The service neither started nor exited within 60 s.");
        }

        var lines = (await stdout + "\n" + await stderr).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return (process.ExitCode, [.. lines]);
    }

    [GeneratedRegex(@"^Port (?<port>\d+) is in use — stop the other process or run with --urls http://127\.0\.0\.1:(?<free>\d+)$")]
    private static partial Regex PortInUse();
}
