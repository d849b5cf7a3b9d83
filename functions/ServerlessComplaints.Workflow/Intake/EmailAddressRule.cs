using System.Net.Mail;

namespace ServerlessComplaints.Workflow.Intake;

/// <summary>A practical email syntax check: one @, a dotted domain, no whitespace, an exact round trip through <see cref="MailAddress"/>.</summary>
internal static class EmailAddressRule
{
    /// <summary>The address with its domain lowercased, or null when the syntax is not acceptable.</summary>
    public static string? Normalise(string value, int maxLength)
    {
        if (value.Length > maxLength || value.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            return null;
        }

        var at = value.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || at != value.LastIndexOf('@') || !IsDomain(value[(at + 1)..]))
        {
            return null;
        }

        // The round trip rejects display names ("Name <a@b.cn>") and anything MailAddress would rewrite.
        if (!MailAddress.TryCreate(value, out var parsed) || !string.Equals(parsed.Address, value, StringComparison.Ordinal))
        {
            return null;
        }

        return string.Concat(value.AsSpan(0, at + 1), value[(at + 1)..].ToLowerInvariant());
    }

    private static bool IsDomain(string domain) =>
        domain.Contains('.', StringComparison.Ordinal)
        && domain.Split('.').All(label => label.Length > 0 && label[0] != '-' && label[^1] != '-');
}
