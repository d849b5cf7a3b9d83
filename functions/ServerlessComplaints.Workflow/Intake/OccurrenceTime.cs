using System.Globalization;
using System.Text.RegularExpressions;

namespace ServerlessComplaints.Workflow.Intake;

/// <summary>Parses <c>occurredAt</c>: an ISO 8601 date and time that must carry a UTC offset.</summary>
internal static partial class OccurrenceTime
{
    public static bool TryParse(string value, out DateTimeOffset occurredAt)
    {
        occurredAt = default;

        // TryParse alone accepts local-time and culture formats; the pattern insists on an explicit offset.
        return Iso8601WithOffset().IsMatch(value)
            && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out occurredAt);
    }

    [GeneratedRegex(@"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]{1,7})?)?(Z|[+-][0-9]{2}:[0-9]{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex Iso8601WithOffset();
}
