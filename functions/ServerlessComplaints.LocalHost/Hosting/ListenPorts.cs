using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Connections;

namespace ServerlessComplaints.LocalHost.Hosting;

/// <summary>A port the service was told to listen on is taken: its message is the one line a newcomer needs.</summary>
public sealed class PortInUseException(int port, string suggestion)
    : IOException($"Port {port} is in use — stop the other process or run with {suggestion}")
{
    public int Port { get; } = port;
}

/// <summary>
/// Checks the addresses of <c>--urls</c> before anything starts (Azurite takes seconds, and an Azurite of another
/// run must not be adopted and stopped by a start that cannot listen), and names a free port to use instead.
/// </summary>
internal static class ListenPorts
{
    public static void EnsureFree(string urls)
    {
        if (FirstTaken(urls) is { } inUse)
        {
            throw inUse;
        }
    }

    /// <summary>The same message when Kestrel itself finds the port taken (another process bound it since the check).</summary>
    public static PortInUseException? Translate(Exception exception, string urls) =>
        exception is IOException { InnerException: AddressInUseException } ? FirstTaken(urls) : null;

    private static PortInUseException? FirstTaken(string urls)
    {
        foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (Endpoint(url) is { } endpoint && !CanBind(endpoint))
            {
                // The same address on the next free port (of the next twenty) is what to run instead.
                var free = Enumerable.Range(endpoint.Port + 1, 20).Where(p => p <= IPEndPoint.MaxPort)
                    .FirstOrDefault(p => CanBind(new IPEndPoint(endpoint.Address, p)), endpoint.Port + 1);
                var address = BindingAddress.Parse(url);
                return new PortInUseException(endpoint.Port, $"--urls {address.Scheme}://{address.Host}:{free}");
            }
        }

        return null;
    }

    // Only a fixed port on an address this machine binds (an IP, localhost or a wildcard); port 0 is always free.
    private static IPEndPoint? Endpoint(string url)
    {
        BindingAddress address;
        try
        {
            address = BindingAddress.Parse(url);
        }
        catch (FormatException)
        {
            return null; // Kestrel reports a malformed address itself
        }

        if (address.Port <= 0 || address.IsUnixPipe)
        {
            return null;
        }

        var ip = address.Host switch
        {
            "localhost" => IPAddress.Loopback,
            "*" or "+" => IPAddress.Any,
            var host when IPAddress.TryParse(host.Trim('[', ']'), out var parsed) => parsed,
            _ => null,
        };
        return ip is null ? null : new IPEndPoint(ip, address.Port);
    }

    private static bool CanBind(IPEndPoint endpoint)
    {
        try
        {
            using var listener = new TcpListener(endpoint);
            listener.Start();
            return true;
        }
        catch (SocketException ex) when (ex.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            return false;
        }
        catch (SocketException)
        {
            return true; // not ours to judge (a privileged port, no IPv6, another machine's address): Kestrel says what is wrong
        }
    }
}
