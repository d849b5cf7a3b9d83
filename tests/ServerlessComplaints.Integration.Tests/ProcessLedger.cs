using System.Globalization;
using ServerlessComplaints.LocalHost.Azurite;

namespace ServerlessComplaints.Integration.Tests;

/// <summary>
/// Every process a test starts is written ("pid start-time what") to the run-scoped file named by
/// <see cref="Variable"/> (exported by .ci/run), so the CI trap stops exactly these processes if a test host dies
/// before its fixtures could stop them. Outside CI the variable is unset and nothing is written; fixtures stop what
/// they start either way.
/// </summary>
internal static class ProcessLedger
{
    public const string Variable = "SERVERLESSCOMPLAINTS_PROCESS_LEDGER";

    private static readonly Lock Gate = new();

    public static void Record(int pid, string what)
    {
        var path = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrEmpty(path) || ProcessIds.StartTime(pid) is not { } startTime)
        {
            return;
        }

        lock (Gate)
        {
            File.AppendAllText(path, string.Create(CultureInfo.InvariantCulture, $"{pid} {startTime} {what}\n"));
        }
    }

    /// <summary>Starts Azurite and records its process id.</summary>
    public static async Task<AzuriteProcess> StartAzuriteAsync(AzuriteOptions options)
    {
        var azurite = await AzuriteProcess.StartAsync(options);
        Record(azurite.ProcessId, "azurite");
        return azurite;
    }
}
