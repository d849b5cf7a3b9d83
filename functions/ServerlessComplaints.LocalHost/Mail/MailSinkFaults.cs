using System.Collections.Concurrent;

namespace ServerlessComplaints.LocalHost.Mail;

/// <summary>
/// A chaos switch of the local sink (setting <c>LocalService:MailSinkFailures</c> = "address:count;…"): the first
/// <c>count</c> deliveries to an address get a 503, to try failing and retried cases locally.
/// </summary>
public sealed class MailSinkFaults
{
    private readonly ConcurrentDictionary<string, int> _remaining = new(StringComparer.OrdinalIgnoreCase);

    public MailSinkFaults(string? spec)
    {
        foreach (var part in (spec ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pieces = part.Split(':');
            if (pieces.Length == 2 && int.TryParse(pieces[1], System.Globalization.CultureInfo.InvariantCulture, out var count))
            {
                _remaining[pieces[0]] = count;
            }
        }
    }

    /// <summary>True when this delivery to <paramref name="address"/> must fail.</summary>
    public bool ShouldFail(string address)
    {
        while (_remaining.TryGetValue(address, out var left) && left > 0)
        {
            if (_remaining.TryUpdate(address, left - 1, left))
            {
                return true;
            }
        }

        return false;
    }
}
