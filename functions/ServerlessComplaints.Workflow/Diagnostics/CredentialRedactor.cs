using System.Text.RegularExpressions;

namespace ServerlessComplaints.Workflow.Diagnostics;

/// <summary>
/// Masks the credentials that travel in URLs — the action-link and evidence-link tokens in the path
/// (<c>/actions/{token}</c>, <c>/evidence/{token}</c>) and the status link's <c>t</c> query parameter — plain or
/// percent-encoded, wherever a URL shows up in text (log messages, log state, scopes, exception text).
/// </summary>
public static partial class CredentialRedactor
{
    /// <summary>What a credential is replaced with.</summary>
    public const string Mask = "***";

    /// <summary>True when the text holds a credential-bearing URL part.</summary>
    public static bool HasCredential(string? text) => text is { Length: > 0 } && Credential().IsMatch(text);

    /// <summary>The text with every credential masked; text without one is returned as it is.</summary>
    public static string Redact(string? text) =>
        text is null ? "" : HasCredential(text) ? Credential().Replace(text, m => m.Groups["prefix"].Value + Mask) : text;

    // A token runs to the next path, query or fragment delimiter (plain or percent-encoded), quote, bracket or space.
    [GeneratedRegex(
        @"(?<prefix>/(?:actions|evidence)/|[?&]t=)(?<token>[^/?#&\s""'<>]+)"
        + @"|(?<prefix>%2F(?:actions|evidence)%2F|(?:%3F|%26)t%3D)(?<token>(?:(?!%2F|%3F|%23|%26)[^&\s""'<>])+)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Credential();
}
