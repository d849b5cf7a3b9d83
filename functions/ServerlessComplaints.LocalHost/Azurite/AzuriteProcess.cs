using System.Diagnostics;

namespace ServerlessComplaints.LocalHost.Azurite;

/// <summary>
/// Azurite for the service and tests: installs it with npm when missing, starts it on loopback ports with its output in a log
/// file and its process id in a pid file beside its data, waits until its ports answer, and stops it gracefully on dispose.
/// Its life is not tied to the starter's: an Azurite left running by a crashed service on the same data directory is
/// reused (or, on other ports, stopped so that it saves, and replaced), never reported as "ports busy".
/// </summary>
public sealed class AzuriteProcess : IAsyncDisposable
{
    // The emulator's published well-known development key (not a secret).
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(30);

    /// <summary>How long Azurite may take to exit after its services report closed, before it is killed.</summary>
    private static readonly TimeSpan LingerAfterClose = TimeSpan.FromSeconds(1);

    private static readonly string[] ClosedLines =
        ["Azurite Blob service successfully closed", "Azurite Queue service successfully closed", "Azurite Table service successfully closed"];

    private readonly Process? _child;
    private readonly AzuriteInstance _instance;
    private readonly bool _temporaryLog;
    private bool _disposed;

    private AzuriteProcess(Process? child, AzuriteInstance instance, string logFile, bool temporaryLog)
    {
        _child = child;
        _instance = instance;
        LogFile = logFile;
        _temporaryLog = temporaryLog;
    }

    public int BlobPort => _instance.BlobPort;

    public int QueuePort => _instance.QueuePort;

    public int TablePort => _instance.TablePort;

    public int ProcessId => _instance.ProcessId;

    /// <summary>True when this start found an Azurite of ours still running on the data directory and adopted it.</summary>
    public bool Reused => _child is null;

    /// <summary>Where Azurite's own output goes.</summary>
    public string LogFile { get; }

    public bool HasExited => !ProcessIds.IsAlive(_instance.ProcessId, _instance.StartTime);

    public string ConnectionString => ConnectionStringFor(BlobPort, QueuePort, TablePort);

    public static string ConnectionStringFor(int blobPort, int queuePort, int tablePort) =>
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=" + AccountKey + ";"
        + $"BlobEndpoint=http://127.0.0.1:{blobPort}/devstoreaccount1;"
        + $"QueueEndpoint=http://127.0.0.1:{queuePort}/devstoreaccount1;"
        + $"TableEndpoint=http://127.0.0.1:{tablePort}/devstoreaccount1;";

    public static async Task<AzuriteProcess> StartAsync(AzuriteOptions options, CancellationToken cancellationToken = default)
    {
        var executable = await AzuriteCommand.EnsureInstalledAsync(options, cancellationToken);
        // Azurite's files hold every case: owner-only, like the rest of the local data.
        var location = options.DataDirectory is null ? null : PrivateDirectory.Ensure(options.DataDirectory);
        if (location is not null && await ReuseOrStopPreviousAsync(options, executable, location) is { } previous)
        {
            return previous;
        }

        var (blob, queue, table) = (AzuriteInstance.FreePort(options.BlobPort), AzuriteInstance.FreePort(options.QueuePort), AzuriteInstance.FreePort(options.TablePort));
        foreach (var port in new[] { blob, queue, table })
        {
            if (await AzuriteInstance.IsListeningAsync(port))
            {
                // Not an Azurite of this data folder (that one is reused above): another run's, or someone else's.
                throw new Hosting.PortInUseException(port,
                    "--LocalService:AzuriteBlobPort 0 --LocalService:AzuriteQueuePort 0 --LocalService:AzuriteTablePort 0 (free ports for Azurite), or point LocalService:StorageConnectionString at the running storage");
            }
        }

        var logFile = location is null ? Path.Combine(Path.GetTempPath(), $"azurite-{Guid.NewGuid():N}.log") : Path.Combine(location, AzuriteInstance.LogFileName);
        options.Progress?.Invoke($"Starting Azurite (blob {blob}, queue {queue}, table {table}{(location is null ? ", in memory" : ", data in " + location)}; log {logFile})");
        var child = Process.Start(AzuriteCommand.StartInfo(executable, options.RepositoryRoot, location, blob, queue, table, logFile))
            ?? throw new InvalidOperationException("Azurite did not start.");
        var startTime = ProcessIds.StartTime(child.Id) ?? 0;
        var instance = new AzuriteInstance(child.Id, startTime, blob, queue, table, location ?? "");
        var azurite = new AzuriteProcess(child, instance, logFile, temporaryLog: location is null);
        var deadline = DateTime.UtcNow + options.StartTimeout;
        while (!await AzuriteInstance.IsListeningAsync(table) || !await AzuriteInstance.IsListeningAsync(blob) || !await AzuriteInstance.IsListeningAsync(queue))
        {
            if (child.HasExited || DateTime.UtcNow > deadline)
            {
                var log = File.Exists(logFile) ? string.Join('\n', (await File.ReadAllLinesAsync(logFile, CancellationToken.None)).TakeLast(20)) : "";
                await azurite.DisposeAsync();
                throw new InvalidOperationException($"Azurite did not come up on ports {blob}/{queue}/{table}: {log}");
            }

            await Task.Delay(100, cancellationToken);
        }

        if (location is not null)
        {
            instance.Write();
        }

        return azurite;
    }

    /// <summary>
    /// Stops Azurite gracefully (SIGTERM, so it saves its data). Once its log says all three services closed (their
    /// stores saved), it is given <see cref="LingerAfterClose"/> to exit and then killed: a client request that reaches a
    /// closing Azurite is never answered and kept the process alive for another ~5 s (its keep-alive timeout). Killed
    /// anyway if it has not exited within 30 s.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (!Exited())
        {
            await StopAsync(_instance, LogFile);
        }

        if (_child is not null)
        {
            await _child.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        _child?.Dispose();
        if (_instance.Location.Length > 0)
        {
            _instance.Forget();
        }

        if (_temporaryLog)
        {
            File.Delete(LogFile);
        }
    }

    private static async Task<AzuriteProcess?> ReuseOrStopPreviousAsync(AzuriteOptions options, string executable, string location)
    {
        var previous = AzuriteInstance.Read(location);
        if (previous is null || previous.Location != location || !previous.IsRunningFrom(executable))
        {
            return null; // none, or gone (a stale pid file, or its id now belongs to another process)
        }

        if (previous.Matches(options.BlobPort, options.QueuePort, options.TablePort) && await previous.AnswersAsync())
        {
            options.Progress?.Invoke($"Reusing Azurite (pid {previous.ProcessId}, blob {previous.BlobPort}, queue {previous.QueuePort}, table {previous.TablePort}) left running on {location} by an earlier start");
            return new AzuriteProcess(null, previous, Path.Combine(location, AzuriteInstance.LogFileName), temporaryLog: false);
        }

        options.Progress?.Invoke($"Stopping Azurite (pid {previous.ProcessId}) left running on {location} by an earlier start, so that it saves its data");
        await StopAsync(previous, Path.Combine(location, AzuriteInstance.LogFileName));
        previous.Forget();
        return null;
    }

    /// <summary>
    /// SIGTERM; once the log (from that point: a data folder's log spans earlier runs) says all three services closed, their
    /// stores saved, <see cref="LingerAfterClose"/> to exit before SIGKILL; SIGKILL anyway after <see cref="StopGrace"/>.
    /// </summary>
    private static Task<bool> StopAsync(AzuriteInstance instance, string logFile)
    {
        var logStart = LogLength(logFile);
        return ProcessIds.StopAsync(instance.ProcessId, instance.StartTime, StopGrace, () => ClosedLines.All(ReadLogFrom(logFile, logStart).Contains), LingerAfterClose);
    }

    /// <summary>Our child is asked directly (an exited child is reaped at once); an adopted Azurite by its process id.</summary>
    private bool Exited() => _child?.HasExited ?? HasExited;

    private static long LogLength(string logFile)
    {
        try
        {
            return File.Exists(logFile) ? new FileInfo(logFile).Length : 0;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    /// <summary>What Azurite wrote to its log after <paramref name="offset"/>.</summary>
    private static string ReadLogFrom(string logFile, long offset)
    {
        try
        {
            using var stream = new FileStream(logFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            stream.Seek(Math.Min(offset, stream.Length), SeekOrigin.Begin);
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }
        catch (IOException)
        {
            return "";
        }
    }
}
