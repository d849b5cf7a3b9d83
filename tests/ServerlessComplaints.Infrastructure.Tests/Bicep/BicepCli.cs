using System.Diagnostics;

namespace ServerlessComplaints.Infrastructure.Tests.Bicep;

/// <summary>Runs the Bicep CLI from the NuGet package (offline: local modules only).</summary>
internal static class BicepCli
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    public static async Task<BicepRun> RunAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(RepositoryFiles.BicepPath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryFiles.Root,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // No telemetry and no update checks from a test run.
        start.Environment["BICEP_TELEMETRY_ENABLED"] = "false";

        using var process = Process.Start(start) ?? throw new InvalidOperationException("bicep did not start: " + start.FileName);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return new BicepRun(string.Join(' ', arguments), process.ExitCode, await stdout + await stderr);
    }
}
