using System.Diagnostics;
using System.Globalization;

namespace ServerlessComplaints.LocalHost.Azurite;

/// <summary>How Azurite is installed (npm, first use) and started: with the flags the current SDKs need, in a session of its own, output to a log file.</summary>
internal static class AzuriteCommand
{
    /// <summary>
    /// The start command. Its output goes to <paramref name="logFile"/>, never to a pipe of ours: Azurite dies on its next write to a pipe
    /// whose reader has gone, losing its unsaved data with the crashed service. setsid gives it a session of its own, so a Ctrl+C meant
    /// for the service does not reach it; the service stops it (SIGTERM) itself. exec keeps one process id from sh to node.
    /// </summary>
    public static ProcessStartInfo StartInfo(string executable, string repositoryRoot, string? location, int blob, int queue, int table, string logFile)
    {
        var start = new ProcessStartInfo("/bin/sh") { WorkingDirectory = repositoryRoot, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("exec setsid \"$0\" \"$@\" </dev/null >>\"$AZURITE_LOG\" 2>&1");
        start.ArgumentList.Add(executable);
        foreach (var arg in Arguments(location, blob, queue, table))
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["AZURITE_LOG"] = logFile;
        return start;
    }

    public static async Task<string> EnsureInstalledAsync(AzuriteOptions options, CancellationToken cancellationToken)
    {
        var executable = Path.Combine(options.RepositoryRoot, "node_modules", ".bin", "azurite");
        // patch-package (npm ci's postinstall) applies patches/azurite+*.patch: a node_modules from before it came is installed again.
        if (File.Exists(executable) && File.Exists(Path.Combine(options.RepositoryRoot, "node_modules", ".bin", "patch-package")))
        {
            return executable;
        }

        options.Progress?.Invoke("Installing npm packages (Azurite) with npm ci: first run only, about a minute…");
        var clock = Stopwatch.StartNew();
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

        options.Progress?.Invoke(string.Create(CultureInfo.InvariantCulture, $"npm packages installed in {clock.Elapsed.TotalSeconds:0} s."));

        return executable;
    }

    private static IEnumerable<string> Arguments(string? location, int blob, int queue, int table)
    {
        if (location is null)
        {
            yield return "--inMemoryPersistence";
        }
        else
        {
            yield return "--location";
            yield return location;
        }

        foreach (var arg in new[]
        {
            "--skipApiVersionCheck", "--loose", "--disableTelemetry", "--silent",
            "--blobHost", "127.0.0.1", "--blobPort", blob.ToString(CultureInfo.InvariantCulture),
            "--queueHost", "127.0.0.1", "--queuePort", queue.ToString(CultureInfo.InvariantCulture),
            "--tableHost", "127.0.0.1", "--tablePort", table.ToString(CultureInfo.InvariantCulture),
        })
        {
            yield return arg;
        }
    }
}
