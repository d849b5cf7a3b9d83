using System.Globalization;
using System.Security.Cryptography;

namespace ServerlessComplaints.Workflow.Intake;

/// <summary>Tracking numbers <c>CMP-yyyyMMdd-XXXXXX</c>: local date of receipt plus six random Crockford base32 characters.</summary>
public static class TrackingNumber
{
    private const string Prefix = "CMP-";
    private const string DateFormat = "yyyyMMdd";
    private const int RandomLength = 6;

    // Crockford base32: no I, L, O or U, so numbers read out over the phone are not misheard.
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    private static readonly int Length = Prefix.Length + DateFormat.Length + 1 + RandomLength;

    /// <summary>A new tracking number dated by the receipt's local date in <paramref name="zone"/>.</summary>
    public static string New(DateTime receivedAtUtc, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var utc = receivedAtUtc.Kind == DateTimeKind.Local
            ? receivedAtUtc.ToUniversalTime()
            : DateTime.SpecifyKind(receivedAtUtc, DateTimeKind.Utc);
        var localDate = TimeZoneInfo.ConvertTimeFromUtc(utc, zone);
        return string.Concat(
            Prefix,
            localDate.ToString(DateFormat, CultureInfo.InvariantCulture),
            "-",
            RandomNumberGenerator.GetString(Alphabet, RandomLength));
    }

    /// <summary>True only for an exact, uppercase tracking number with a real date; rejects anything path-like.</summary>
    public static bool IsValid(string? value)
    {
        if (value is null || value.Length != Length || !value.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var date = value.AsSpan(Prefix.Length, DateFormat.Length);
        var random = value.AsSpan(Prefix.Length + DateFormat.Length + 1);
        return value[Prefix.Length + DateFormat.Length] == '-'
            && !date.ContainsAnyExcept("0123456789")
            && DateTime.TryParseExact(date, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
            && !random.ContainsAnyExcept(Alphabet);
    }
}
