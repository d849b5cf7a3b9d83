using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ServerlessComplaints.Runtime.Azurite;

/// <summary>
/// Azurite as a child process: installs it with npm when missing, starts it on loopback ports with the flags the
/// current SDKs need, waits until its ports answer, and stops it (whole process tree) on dispose.
/// </summary>
public sealed class AzuriteProcess : IAsyncDisposable
{
    // The emulator's published well-known development key (not a secret).
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly Process _process;

    private AzuriteProcess(Process process, int blobPort, int queuePort, int tablePort)
    {
        _process = process;
        BlobPort = blobPort;
        QueuePort = queuePort;
        TablePort = tablePort;
    }

    public int BlobPort { get; }

    public int QueuePort { get; }

    public int TablePort { get; }

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    public string ConnectionString => ConnectionStringFor(BlobPort, QueuePort, TablePort);

    public static string ConnectionStringFor(int blobPort, int queuePort, int tablePort) =>
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=" + AccountKey + ";"
        + $"BlobEndpoint=http://127.0.0.1:{blobPort}/devstoreaccount1;"
        + $"QueueEndpoint=http://127.0.0.1:{queuePort}/devstoreaccount1;"
        + $"TableEndpoint=http://127.0.0.1:{tablePort}/devstoreaccount1;";

    public static async Task<AzuriteProcess> StartAsync(AzuriteOptions options, CancellationToken cancellationToken = default)
    {
        var executable = await EnsureInstalledAsync(options, cancellationToken);
        var (blob, queue, table) = (Port(options.BlobPort), Port(options.QueuePort), Port(options.TablePort));
        foreach (var port in new[] { blob, queue, table })
        {
            if (await IsListeningAsync(port))
            {
                throw new InvalidOperationException(
                    $"Port {port} is already in use: is the service or another Azurite still running? Stop it (for example: pkill -f node_modules/.bin/azurite) or point LocalService:StorageConnectionString at the running storage.");
            }
        }

        var start = new ProcessStartInfo(executable)
        {
            WorkingDirectory = options.RepositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in Arguments(options.DataDirectory, blob, queue, table))
        {
            start.ArgumentList.Add(arg);
        }

        options.Progress?.Invoke($"Starting Azurite (blob {blob}, queue {queue}, table {table}{(options.DataDirectory is null ? ", in memory" : ", data in " + options.DataDirectory)})");
        var process = Process.Start(start) ?? throw new InvalidOperationException("Azurite did not start.");
        var output = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var azurite = new AzuriteProcess(process, blob, queue, table);
        var deadline = DateTime.UtcNow + options.StartTimeout;
        while (!await IsListeningAsync(table) || !await IsListeningAsync(blob))
        {
            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                await azurite.DisposeAsync();
                string log;
                lock (output)
                {
                    log = output.ToString();
                }

                throw new InvalidOperationException($"Azurite did not come up on ports {blob}/{table}: {log}");
            }

            await Task.Delay(100, cancellationToken);
        }

        return azurite;
    }

    /// <summary>Stops Azurite gracefully (SIGTERM, so it saves its data), killing it if it has not exited within 10 s.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            if (!OperatingSystem.IsWindows() && await SignalTerminateAsync(_process.Id))
            {
                using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(10));
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
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }

        _process.Dispose();
    }

    // Process.Kill only sends SIGKILL; kill(1) sends the SIGTERM on which Azurite saves its data.
    private static async Task<bool> SignalTerminateAsync(int pid)
    {
        try
        {
            using var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false });
            if (kill is null)
            {
                return false;
            }

            await kill.WaitForExitAsync();
            return kill.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    private static IEnumerable<string> Arguments(string? dataDirectory, int blob, int queue, int table)
    {
        if (dataDirectory is null)
        {
            yield return "--inMemoryPersistence";
        }
        else
        {
            // Azurite's files hold every case: owner-only, like the rest of the local data.
            PrivateDirectory.Ensure(dataDirectory);
            yield return "--location";
            yield return dataDirectory;
        }

        foreach (var arg in new[]
        {
            "--skipApiVersionCheck", "--loose", "--disableTelemetry", "--silent",
            "--blobHost", "127.0.0.1", "--blobPort", blob.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--queueHost", "127.0.0.1", "--queuePort", queue.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--tableHost", "127.0.0.1", "--tablePort", table.ToString(System.Globalization.CultureInfo.InvariantCulture),
        })
        {
            yield return arg;
        }
    }

    private static async Task<string> EnsureInstalledAsync(AzuriteOptions options, CancellationToken cancellationToken)
    {
        var executable = Path.Combine(options.RepositoryRoot, "node_modules", ".bin", "azurite");
        if (File.Exists(executable))
        {
            return executable;
        }

        options.Progress?.Invoke("Installing Azurite with npm (first run only, about a minute)…");
        var npm = new ProcessStartInfo("npm") { WorkingDirectory = options.RepositoryRoot, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "ci", "--no-audit", "--no-fund" })
        {
            npm.ArgumentList.Add(arg);
        }

        using var install = Process.Start(npm) ?? throw new InvalidOperationException("npm could not be started: install Node.js 20 and npm.");
        var stderr = install.StandardError.ReadToEndAsync(cancellationToken);
        await install.StandardOutput.ReadToEndAsync(cancellationToken);
        await install.WaitForExitAsync(cancellationToken);
        if (install.ExitCode != 0 || !File.Exists(executable))
        {
            throw new InvalidOperationException($"npm ci failed (exit {install.ExitCode}): {await stderr}");
        }

        return executable;
    }

    private static int Port(int requested)
    {
        if (requested != 0)
        {
            return requested;
        }

        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<bool> IsListeningAsync(int port)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
