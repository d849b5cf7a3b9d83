using System.Diagnostics.Metrics;

namespace ServerlessComplaints.Benchmarks;

/// <summary>
/// Every storage request the process sends to Azurite, whichever client sends it (the engine's clients,
/// the Azure Storage backend's table, queue and blob clients): .NET's own "http.client.request.duration" measurement,
/// one per HTTP request, retries included. The driver's own status reads run inside <see cref="Exclude"/>.
/// </summary>
internal sealed class StorageRequestMeter : IDisposable
{
    private static readonly AsyncLocal<bool> Excluded = new();

    private readonly MeterListener _listener = new();
    private readonly HashSet<int> _ports;
    private long _reads;
    private long _writes;

    public StorageRequestMeter(string connectionString)
    {
        _ports = [.. connectionString.Split(';').Where(p => p.Contains("Endpoint=http", StringComparison.Ordinal)).Select(p => new Uri(p.Split('=', 2)[1]).Port)];
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "System.Net.Http" && instrument.Name == "http.client.request.duration")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>((_, _, tags, _) => Count(tags));
        _listener.Start();
    }

    public long Reads => Interlocked.Read(ref _reads);

    public long Writes => Interlocked.Read(ref _writes);

    public (long Reads, long Writes) Snapshot() => (Reads, Writes);

    /// <summary>Requests sent in this async flow until disposal are not counted (the benchmark's own polling).</summary>
    public static IDisposable Exclude()
    {
        Excluded.Value = true;
        return new Inclusion();
    }

    public void Dispose() => _listener.Dispose();

    private void Count(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (Excluded.Value)
        {
            return;
        }

        var (port, method) = (-1, "");
        foreach (var tag in tags)
        {
            if (tag.Key == "server.port" && tag.Value is int p)
            {
                port = p;
            }
            else if (tag.Key == "http.request.method")
            {
                method = tag.Value as string ?? "";
            }
        }

        if (!_ports.Contains(port))
        {
            return;
        }

        if (method is "GET" or "HEAD")
        {
            Interlocked.Increment(ref _reads);
        }
        else
        {
            Interlocked.Increment(ref _writes);
        }
    }

    private sealed class Inclusion : IDisposable
    {
        public void Dispose() => Excluded.Value = false;
    }
}
