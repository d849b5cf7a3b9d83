using System.Globalization;

namespace ServerlessComplaints.Browser.Tests.Hosting;

/// <summary>
/// Every process these tests start is written ("pid start-time what") to the run-scoped file named by
/// <see cref="Variable"/> (exported by .ci/run), so the CI trap stops exactly these processes if the test host dies
/// before the fixture could stop them. Outside CI the variable is unset and nothing is written.
/// </summary>
internal static class ProcessLedger
{
    public const string Variable = "SERVERLESSCOMPLAINTS_PROCESS_LEDGER";

    private static readonly Lock Gate = new();

    public static void Record(int pid, string what)
    {
        var path = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrEmpty(path) || StartTime(pid) is not { } startTime)
        {
            return;
        }

        lock (Gate)
        {
            File.AppendAllText(path, string.Create(CultureInfo.InvariantCulture, $"{pid} {startTime} {what}\n"));
        }
    }

    /// <summary>Field 22 of /proc/PID/stat (after the parenthesized command name): the start time that tells a reused id apart.</summary>
    private static long? StartTime(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return long.Parse(fields[19], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return null;
        }
    }
}
