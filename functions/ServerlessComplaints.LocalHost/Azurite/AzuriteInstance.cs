using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace ServerlessComplaints.LocalHost.Azurite;

/// <summary>
/// The Azurite running on a data directory, as recorded in its pid file (<c>azurite.pid</c> beside its data): process id,
/// start time, ports. A later start reads it to find an Azurite that outlived a crashed service.
/// </summary>
public sealed record AzuriteInstance(int ProcessId, long StartTime, int BlobPort, int QueuePort, int TablePort, string Location)
{
    public const string PidFileName = "azurite.pid";

    public const string LogFileName = "azurite.log";

    public static string PidFile(string location) => Path.Combine(location, PidFileName);

    /// <summary>The recorded instance, or null when there is no (readable) pid file.</summary>
    public static AzuriteInstance? Read(string location)
    {
        try
        {
            return JsonSerializer.Deserialize<AzuriteInstance>(File.ReadAllText(PidFile(location)));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
    }

    public void Write()
    {
        // Written to a temporary name and moved, so a crash never leaves half a pid file.
        var path = PidFile(Location);
        File.WriteAllText(path + ".tmp", JsonSerializer.Serialize(this));
        File.Move(path + ".tmp", path, overwrite: true);
    }

    /// <summary>Removes the pid file if it still describes this instance.</summary>
    public void Forget()
    {
        if (Read(Location) == this)
        {
            File.Delete(PidFile(Location));
        }
    }

    /// <summary>Ours: still the same process (id and start time), and its command line is our azurite on our location.</summary>
    public bool IsRunningFrom(string executable)
    {
        if (!ProcessIds.IsAlive(ProcessId, StartTime))
        {
            return false;
        }

        var argv = ProcessIds.CommandLine(ProcessId);
        var location = argv.ToList().IndexOf("--location");
        return argv.Any(a => a == executable || a == Path.GetFullPath(executable))
            && location >= 0 && location + 1 < argv.Count && Path.GetFullPath(argv[location + 1]) == Path.GetFullPath(Location);
    }

    /// <summary>The ports this instance was asked for (0 = any) are its ports.</summary>
    public bool Matches(int blobPort, int queuePort, int tablePort) =>
        (blobPort == 0 || blobPort == BlobPort) && (queuePort == 0 || queuePort == QueuePort) && (tablePort == 0 || tablePort == TablePort);

    public async Task<bool> AnswersAsync() =>
        await IsListeningAsync(BlobPort) && await IsListeningAsync(QueuePort) && await IsListeningAsync(TablePort);

    public static async Task<bool> IsListeningAsync(int port)
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

    public static int FreePort(int requested)
    {
        if (requested != 0)
        {
            return requested;
        }

        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
