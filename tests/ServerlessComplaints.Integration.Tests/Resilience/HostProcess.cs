using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using ServerlessComplaints.LocalHost.Azurite;

namespace ServerlessComplaints.Integration.Tests.Resilience;

/// <summary>
/// The LocalHost service as a separate process, so a test can kill it with SIGKILL mid-flight or read what it writes
/// to its console (its log). Without a storage connection string it starts its own Azurite, as the run command does;
/// that Azurite is found through its pid file. Dispose stops the service gracefully (it stops its Azurite), then any
/// Azurite of its that is still running; both process ids are recorded in the <see cref="ProcessLedger"/>.
/// </summary>
internal sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _output = new();

    private HostProcess(Process process, string baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    public int ProcessId => _process.Id;

    /// <summary>The Azurite this service started (or reused) on its data directory; null when it uses given storage.</summary>
    public AzuriteInstance? Azurite { get; private set; }

    /// <summary>Every line the process wrote to stdout and stderr so far.</summary>
    public IReadOnlyList<string> Output => [.. _output];

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Starts the service; <paramref name="quiet"/> adds <c>--Logging:LogLevel:Default Warning</c> after the given arguments.</summary>
    public static async Task<HostProcess> StartAsync(int port, IEnumerable<string> args, bool quiet = true)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "ServerlessComplaints.LocalHost.dll");
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(dll);
        foreach (var arg in args.Concat(["--urls", $"http://127.0.0.1:{port}"]).Concat(quiet ? ["--Logging:LogLevel:Default", "Warning"] : []))
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start)!;
        ProcessLedger.Record(process.Id, "service");
        var host = new HostProcess(process, $"http://127.0.0.1:{port}");
        process.OutputDataReceived += (_, e) => host.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => host.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var http = new HttpClient { BaseAddress = new Uri(host.BaseUrl), Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(120); // a loaded CI machine (or one shared with builds) can take a minute to start it
        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            try
            {
                if ((await http.GetAsync("/healthz")).IsSuccessStatusCode)
                {
                    host.FindAzurite([.. args]);
                    return host;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(200);
        }

        await host.DisposeAsync();
        throw new InvalidOperationException("The LocalHost process did not become healthy within 120 s.");
    }

    /// <summary>SIGKILL of the service process only: no shutdown, no flush, whatever was in flight is cut. Its Azurite keeps running.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: false);
        await _process.WaitForExitAsync();
    }

    /// <summary>SIGKILL of the service and of its Azurite: what a power loss does to the emulator's unsaved writes.</summary>
    public async Task KillWithAzuriteAsync()
    {
        await KillAsync();
        if (Azurite is { } azurite && ProcessIds.IsAlive(azurite.ProcessId, azurite.StartTime))
        {
            await ProcessIds.SignalAsync(azurite.ProcessId, "KILL");
            await ProcessIds.WaitForExitAsync(azurite.ProcessId, azurite.StartTime, TimeSpan.FromSeconds(10));
        }
    }

    /// <summary>SIGTERM, as Ctrl+C does: the service stops and stops its Azurite, which saves. SIGKILL after 30 s.</summary>
    public async Task StopAsync()
    {
        if (!_process.HasExited && await ProcessIds.SignalAsync(_process.Id, "TERM"))
        {
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                await _process.WaitForExitAsync(grace.Token);
            }
            catch (OperationCanceledException)
            {
                // Fall through to the hard kill.
            }
        }

        if (!_process.HasExited)
        {
            await KillAsync();
        }
    }

    /// <summary>Waits until a line containing <paramref name="text"/> has been written (the console logger writes asynchronously).</summary>
    public async Task WaitForOutputAsync(string text, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!Output.Any(line => line.Contains(text, StringComparison.Ordinal)))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The service wrote no line containing '{text}' within {timeout.TotalSeconds} s.");
            }

            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        if (Azurite is { } azurite)
        {
            await ProcessIds.StopAsync(azurite.ProcessId, azurite.StartTime, TimeSpan.FromSeconds(30));
        }

        _process.Dispose();
    }

    private void FindAzurite(string[] args)
    {
        var data = Array.IndexOf(args, "--LocalService:DataDirectory");
        if (data >= 0 && !args.Contains("--LocalService:StorageConnectionString")
            && AzuriteInstance.Read(Path.Combine(Path.GetFullPath(args[data + 1]), "azurite")) is { } azurite)
        {
            Azurite = azurite;
            ProcessLedger.Record(azurite.ProcessId, "azurite of the service");
        }
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            _output.Enqueue(line);
        }
    }
}
