using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ServerlessComplaints.Workflow.Cases;
using ServerlessComplaints.Workflow.Domain;
using ServerlessComplaints.Workflow.Intake;

namespace ServerlessComplaints.Workflow.AzureStorage;

/// <summary>Partition and row keys for the case tables, and the hashes that keep PII out of them.</summary>
internal static class TableKeys
{
    public const string OtherPartition = "other";

    private const int TrackingNumberLength = 19;

    // '%' is escaped too so that escaping stays reversible; '\'' because it must be doubled in key URLs.
    private static readonly SearchValues<char> Forbidden = SearchValues.Create("/\\#?%'");

    // Tracking numbers need no escaping; ids built from other input may hold characters a key forbids.
    public static string Escape(string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(value);
        if (!value.AsSpan().ContainsAny(Forbidden) && !value.Any(char.IsControl))
        {
            return value;
        }

        var escaped = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            if (Forbidden.Contains(c) || char.IsControl(c))
            {
                escaped.Append('%').Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            }
            else
            {
                escaped.Append(c);
            }
        }

        return escaped.ToString();
    }

    /// <summary>"CMP-yyyyMM" from a tracking number, so a month of cases shares a partition.</summary>
    public static string ComplaintPartition(string trackingNumber) =>
        trackingNumber.Length >= 10
        && trackingNumber.StartsWith("CMP-", StringComparison.Ordinal)
        && !trackingNumber.AsSpan(4, 6).ContainsAnyExcept("0123456789")
            ? trackingNumber[..10]
            : OtherPartition;

    /// <summary>The tracking number an id starts with ("CMP-yyyyMMdd-XXXXXX-..."), else <see cref="OtherPartition"/>.</summary>
    public static string TrackingPartition(string id) =>
        id.Length >= TrackingNumberLength && TrackingNumber.IsValid(id[..TrackingNumberLength])
            ? id[..TrackingNumberLength]
            : OtherPartition;

    /// <summary>The customer index partitions: hashed email and hashed phone digits, as <see cref="CustomerMatch"/> compares them.</summary>
    public static IReadOnlyList<string> CustomerPartitions(Customer customer)
    {
        var keys = new List<string>(2);
        if (customer.Email is { Length: > 0 } email)
        {
            keys.Add(Sha256Hex(email.ToLowerInvariant()));
        }

        if (CustomerMatch.PhoneKey(customer.Phone) is { Length: >= 5 } phone)
        {
            keys.Add("p" + Sha256Hex(phone));
        }

        return keys;
    }

    public static string Sha256Hex(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
}
