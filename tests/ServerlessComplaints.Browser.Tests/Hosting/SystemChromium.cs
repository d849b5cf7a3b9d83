using System.Diagnostics;

namespace ServerlessComplaints.Browser.Tests.Hosting;

/// <summary>
/// Debian's Chromium and a CJK font, which Playwright drives (its own browser download does not work on the project's
/// machines). Missing on a fresh machine, both are installed with apt (as root, or through passwordless sudo); where
/// that cannot be done the tests stop with the command to run.
/// </summary>
internal static class SystemChromium
{
    public const string Packages = "chromium fonts-noto-cjk";

    public const string InstallCommand = "apt-get update && apt-get install -y " + Packages;

    private static readonly string[] Candidates = ["/usr/lib/chromium/chromium", "/usr/bin/chromium"];

    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(8);

    /// <summary>Headless, and nothing that would reach the network on its own.</summary>
    public static readonly string[] Arguments =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
    ];

    public static async Task<string> EnsureInstalledAsync(Action<string> progress)
    {
        if (Find() is { } found && await HasChineseFontAsync())
        {
            return found;
        }

        if (!File.Exists("/usr/bin/apt-get"))
        {
            throw new InvalidOperationException($"Chromium or a Chinese font is missing and this machine has no apt-get: install Chromium and Noto Sans CJK (Debian: {InstallCommand}).");
        }

        var asRoot = Environment.UserName == "root";
        if (!asRoot && !File.Exists("/usr/bin/sudo"))
        {
            throw new InvalidOperationException($"Chromium or a Chinese font is missing and installing needs root: run  sudo sh -c '{InstallCommand}'");
        }

        progress($"Installing {Packages} with apt (first run on this machine, about a minute)…");
        var start = new ProcessStartInfo(asRoot ? "/bin/sh" : "/usr/bin/sudo") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (!asRoot)
        {
            start.ArgumentList.Add("-n"); // never prompt: a test run has no terminal
            start.ArgumentList.Add("/bin/sh");
        }

        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(InstallCommand);
        start.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        using var apt = Process.Start(start) ?? throw new InvalidOperationException("apt-get could not be started.");
        var output = apt.StandardOutput.ReadToEndAsync();
        var errors = apt.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(InstallTimeout);
        await apt.WaitForExitAsync(timeout.Token);
        if (apt.ExitCode != 0 || Find() is null)
        {
            var tail = string.Join('\n', ((await output) + (await errors)).Split('\n').TakeLast(15));
            throw new InvalidOperationException($"Installing Chromium failed (exit {apt.ExitCode}); run  {(asRoot ? "" : "sudo ")}sh -c '{InstallCommand}'  and test again:\n{tail}");
        }

        return Find()!;
    }

    private static string? Find() => Candidates.FirstOrDefault(File.Exists);

    private static async Task<bool> HasChineseFontAsync()
    {
        try
        {
            using var fcList = Process.Start(new ProcessStartInfo("fc-list", ":lang=zh family") { RedirectStandardOutput = true, UseShellExecute = false });
            if (fcList is null)
            {
                return false;
            }

            var families = await fcList.StandardOutput.ReadToEndAsync();
            await fcList.WaitForExitAsync();
            return families.Trim().Length > 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false; // no fontconfig: no fonts either
        }
    }
}
