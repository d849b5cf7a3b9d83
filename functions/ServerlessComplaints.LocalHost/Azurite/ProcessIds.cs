using System.Diagnostics;
using System.Globalization;

namespace ServerlessComplaints.LocalHost.Azurite;

/// <summary>
/// Look-ups and signals by process id, for processes that need not be our children (an Azurite left running by a
/// crashed service). A process is identified by its id and its start time, so a reused id is never mistaken for it.
/// Linux only (<c>/proc</c>); elsewhere nothing is found alive and nothing is adopted.
/// </summary>
public static class ProcessIds
{
    /// <summary>The start time (clock ticks since boot, <c>/proc/PID/stat</c> field 22), or null when no such process runs.</summary>
    public static long? StartTime(int pid)
    {
        var fields = StatFields(pid);
        return fields is { Length: > 19 } && fields[0] is not ("Z" or "X") && long.TryParse(fields[19], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            ? ticks
            : null;
    }

    /// <summary>True while the process with this id and start time runs (not a zombie).</summary>
    public static bool IsAlive(int pid, long startTime) => StartTime(pid) == startTime;

    /// <summary>The process's arguments (argv), empty when it is gone or unreadable.</summary>
    public static IReadOnlyList<string> CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Split('\0', StringSplitOptions.RemoveEmptyEntries);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    /// <summary>
    /// SIGTERM (on which Azurite saves its data), then SIGKILL if it still runs after <paramref name="grace"/>, or sooner:
    /// <paramref name="linger"/> after <paramref name="finished"/> first says it has done what the SIGTERM was for but
    /// not exited. True when it exited without SIGKILL.
    /// </summary>
    public static async Task<bool> StopAsync(int pid, long startTime, TimeSpan grace, Func<bool>? finished = null, TimeSpan linger = default)
    {
        if (!IsAlive(pid, startTime))
        {
            return true;
        }

        await SignalAsync(pid, "TERM");
        var deadline = DateTime.UtcNow + grace;
        DateTime? finishedAt = null;
        while (IsAlive(pid, startTime))
        {
            if (finishedAt is null && finished?.Invoke() == true)
            {
                finishedAt = DateTime.UtcNow;
            }

            if (DateTime.UtcNow > deadline || DateTime.UtcNow - finishedAt > linger)
            {
                await SignalAsync(pid, "KILL");
                await WaitForExitAsync(pid, startTime, TimeSpan.FromSeconds(10));
                return false;
            }

            await Task.Delay(50);
        }

        return true;
    }

    /// <summary>Polls until the process is gone; false when it still runs after <paramref name="timeout"/>.</summary>
    public static async Task<bool> WaitForExitAsync(int pid, long startTime, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (IsAlive(pid, startTime))
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(50);
        }

        return true;
    }

    // Process.Kill only sends SIGKILL; kill(1) sends any signal, to processes that are not our children too.
    public static async Task<bool> SignalAsync(int pid, string signal)
    {
        try
        {
            using var kill = Process.Start(new ProcessStartInfo("kill", ["-" + signal, pid.ToString(CultureInfo.InvariantCulture)]) { UseShellExecute = false, RedirectStandardError = true });
            if (kill is null)
            {
                return false;
            }

            await kill.StandardError.ReadToEndAsync();
            await kill.WaitForExitAsync();
            return kill.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    private static string[]? StatFields(int pid)
    {
        try
        {
            // "pid (comm) state ppid …": comm may hold spaces and parentheses, so split after the last ')'.
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
