using System.Text.RegularExpressions;

namespace ServerlessComplaints.Workflow.Inbound;

/// <summary>Trims the quoted history off a reply: lines quoted with "&gt;", and everything below a client's "original message" marker.</summary>
internal static partial class QuotedHistory
{
    public static string Trim(string text)
    {
        var kept = new List<string>();
        foreach (var line in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var trimmed = line.Trim();
            if (Marker().IsMatch(trimmed))
            {
                break;
            }

            if (!trimmed.StartsWith('>'))
            {
                kept.Add(line.TrimEnd());
            }
        }

        return string.Join('\n', kept).Trim();
    }

    // Outlook, Gmail/Apple ("On … wrote:"), Chinese clients ("在 … 写道：", "原始邮件") and Outlook's rule line.
    [GeneratedRegex(
        @"^(-{2,}\s*(Original Message|Forwarded message|原始邮件|转发邮件)\s*-{2,}|在.{1,200}写道\s*[：:]|On\s.{1,300}\swrote:|_{20,})$",
        RegexOptions.IgnoreCase,
        matchTimeoutMilliseconds: 2000)]
    private static partial Regex Marker();
}
