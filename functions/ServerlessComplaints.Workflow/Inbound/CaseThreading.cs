using System.Text.RegularExpressions;
using ServerlessComplaints.Workflow.Intake;

namespace ServerlessComplaints.Workflow.Inbound;

/// <summary>Finds the case a reply belongs to: a plus-addressed recipient (<c>complaints+CMP-…@</c>), else a tracking number in the subject.</summary>
public static partial class CaseThreading
{
    public static string? TrackingNumberOf(InboundMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        foreach (var recipient in message.Recipients)
        {
            var at = recipient.IndexOf('@', StringComparison.Ordinal);
            var plus = at < 0 ? -1 : recipient.IndexOf('+', StringComparison.Ordinal);

            // Some relays lowercase local parts; tracking numbers are uppercase by definition.
            if (plus >= 0 && plus < at && recipient[(plus + 1)..at].ToUpperInvariant() is var tag && TrackingNumber.IsValid(tag))
            {
                return tag;
            }
        }

        foreach (Match match in InSubject().Matches(message.Subject))
        {
            var candidate = match.Value.ToUpperInvariant();
            if (TrackingNumber.IsValid(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    [GeneratedRegex(@"(?<![A-Za-z0-9])CMP-\d{8}-[0-9A-Za-z]{6}(?![A-Za-z0-9])", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex InSubject();
}
