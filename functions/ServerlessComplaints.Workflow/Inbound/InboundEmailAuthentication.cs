using System.Security.Cryptography;
using System.Text;

namespace ServerlessComplaints.Workflow.Inbound;

/// <summary>
/// The webhook's shared secret, as SendGrid's Parse URL sends it: HTTP basic auth whose password is
/// <see cref="InboundEmailOptions.Secret"/> (the user name is ignored), compared in constant time.
/// </summary>
public static class InboundEmailAuthentication
{
    /// <summary>The challenge a refused caller gets in <c>WWW-Authenticate</c>.</summary>
    public const string Challenge = "Basic realm=\"inbound-email\", charset=\"UTF-8\"";

    /// <summary>True when the Authorization header carries the configured secret; always false when none is configured.</summary>
    public static bool IsAuthorized(string? authorizationHeader, InboundEmailOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.IsConfigured || authorizationHeader is null || !authorizationHeader.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        string credentials;
        try
        {
            credentials = Encoding.UTF8.GetString(Convert.FromBase64String(authorizationHeader[6..].Trim()));
        }
        catch (FormatException)
        {
            return false;
        }

        var colon = credentials.IndexOf(':', StringComparison.Ordinal);
        var password = colon < 0 ? "" : credentials[(colon + 1)..];

        // Hashing first gives equal lengths, so the comparison time reveals neither content nor length.
        return CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(password)),
            SHA256.HashData(Encoding.UTF8.GetBytes(options.Secret)));
    }
}
