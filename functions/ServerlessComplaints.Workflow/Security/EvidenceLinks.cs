using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ServerlessComplaints.Workflow.Security;

/// <summary>
/// Time-limited links to one evidence blob (for approvers reading mail): <c>{blob}.{expiry}.{signature}</c>, all
/// base64url, signed with the active action-token key. The container itself stays private.
/// </summary>
public sealed class EvidenceLinks(ActionTokenOptions options, TimeProvider time)
{
    public string Token(string blobName, TimeSpan lifetime)
    {
        var expiry = (time.GetUtcNow() + lifetime).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var blob = Encode(Encoding.UTF8.GetBytes(blobName));
        return $"{options.ActiveKeyId}.{blob}.{expiry}.{Sign(options.ActiveKeyId, blob, expiry)}";
    }

    /// <summary>The blob name when the token verifies and has not expired; otherwise null.</summary>
    public string? Read(string? token)
    {
        var parts = token?.Split('.') ?? [];
        if (parts.Length != 4 || !options.Keys.ContainsKey(parts[0])
            || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(parts[0], parts[1], parts[2])), Encoding.ASCII.GetBytes(parts[3]))
            || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var expiry)
            || expiry <= time.GetUtcNow().ToUnixTimeSeconds())
        {
            return null;
        }

        var padded = parts[1].Replace('-', '+').Replace('_', '/');
        return Encoding.UTF8.GetString(Convert.FromBase64String(padded + new string('=', (4 - (padded.Length % 4)) % 4)));
    }

    private string Sign(string kid, string blob, string expiry) =>
        Encode(HMACSHA256.HashData(Encoding.UTF8.GetBytes(options.Keys[kid]), Encoding.ASCII.GetBytes($"evidence.{kid}.{blob}.{expiry}")));

    private static string Encode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
