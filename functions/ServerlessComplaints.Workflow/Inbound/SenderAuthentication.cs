using System.Text.RegularExpressions;

namespace ServerlessComplaints.Workflow.Inbound;

/// <summary>
/// What SendGrid's SPF and DKIM verdicts say about the From address. A pass vouches for it only when aligned with the
/// From domain (a DKIM signature of that domain, or SPF passed for an envelope sender of that domain; parent and
/// subdomains count, as DMARC's relaxed alignment has it): a stranger's SPF pass for their own server says nothing
/// about the customer's address.
/// </summary>
public static partial class SenderAuthentication
{
    /// <summary>"SPF: fail; DKIM: {@example.cn : fail}" when either check failed, else null (a missing check is not a failure).</summary>
    public static string? Failure(InboundMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var failures = new List<string>(2);
        if (message.Spf?.ToLowerInvariant() is "fail" or "softfail" or "permerror" or "temperror")
        {
            failures.Add($"SPF: {message.Spf}");
        }

        if (message.Dkim is { } dkim && dkim.Contains("fail", StringComparison.OrdinalIgnoreCase))
        {
            failures.Add($"DKIM: {InboundText.Clean(dkim, 300, multiline: false)}");
        }

        return failures.Count == 0 ? null : string.Join("; ", failures);
    }

    /// <summary>True when an aligned DKIM signature or an aligned SPF pass vouches for the From address.</summary>
    public static bool IsVerified(InboundMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var domain = DomainOf(message.FromAddress);
        if (domain is null)
        {
            return false;
        }

        var dkimPass = message.Dkim is { } dkim
            && DkimVerdict().Matches(dkim).Any(m => m.Groups[2].Value.Equals("pass", StringComparison.OrdinalIgnoreCase) && Aligned(m.Groups[1].Value, domain));
        var spfPass = message.Spf?.Trim().Equals("pass", StringComparison.OrdinalIgnoreCase) == true
            && DomainOf(message.EnvelopeFrom) is { } envelope && Aligned(envelope, domain);
        return dkimPass || spfPass;
    }

    /// <summary>
    /// Why the From address is not vouched for (a failed check, or no aligned pass), or null when it is; one aligned
    /// pass is enough, as forwarding breaks SPF while the sender's DKIM signature still holds.
    /// </summary>
    public static string? Unverified(InboundMessage message) =>
        IsVerified(message) ? null : Failure(message) ?? $"no SPF or DKIM pass for {DomainOf(message.FromAddress) ?? "the sender's domain"}";

    private static string? DomainOf(string? address)
    {
        var at = address?.LastIndexOf('@') ?? -1;
        return at < 0 || at == address!.Length - 1 ? null : address[(at + 1)..].Trim().TrimEnd('.').ToLowerInvariant();
    }

    // Equal, or one a subdomain of the other; a bare top-level domain never counts as the parent.
    private static bool Aligned(string a, string b)
    {
        a = a.Trim().TrimEnd('.').ToLowerInvariant();
        return a == b
            || (a.Contains('.', StringComparison.Ordinal) && b.EndsWith("." + a, StringComparison.Ordinal))
            || (b.Contains('.', StringComparison.Ordinal) && a.EndsWith("." + b, StringComparison.Ordinal));
    }

    // SendGrid writes DKIM verdicts as "{@example.cn : pass, @other.example : fail}".
    [GeneratedRegex(@"@([A-Za-z0-9.\-]+)\s*:\s*([A-Za-z]+)", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex DkimVerdict();
}
