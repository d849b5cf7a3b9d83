using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace ServerlessComplaints.Workflow.Security;

/// <summary>
/// Signed action links: <c>{keyId}.{payload}.{signature}</c>, the payload (case, action, actor, expiry, nonce) in
/// base64url JSON and the signature HMAC-SHA256 over key id and payload. Single use is enforced by the nonce store.
/// </summary>
public sealed class ActionTokens(ActionTokenOptions options, TimeProvider time)
{
    public string Issue(string trackingNumber, string action, string actor, string? round = null)
    {
        var lifetime = actor == "customer" ? options.CustomerLinkLifetime : options.StaffLinkLifetime;
        var claims = new ActionTokenClaims(trackingNumber, action, actor, time.GetUtcNow().UtcDateTime + lifetime,
            Base64Url(RandomNumberGenerator.GetBytes(16)), round);
        var payload = Base64Url(JsonSerializer.SerializeToUtf8Bytes(claims));
        var kid = options.ActiveKeyId;
        return $"{kid}.{payload}.{Sign(kid, payload)}";
    }

    public (ActionTokenCheck Check, ActionTokenClaims? Claims) Read(string? token)
    {
        var parts = token?.Split('.') ?? [];
        if (parts.Length != 3 || token!.Length > 1000)
        {
            return (ActionTokenCheck.Malformed, null);
        }

        var (kid, payload, signature) = (parts[0], parts[1], parts[2]);
        if (!options.Keys.ContainsKey(kid)
            || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(kid, payload)), Encoding.ASCII.GetBytes(signature)))
        {
            return (ActionTokenCheck.Tampered, null);
        }

        ActionTokenClaims? claims;
        try
        {
            claims = JsonSerializer.Deserialize<ActionTokenClaims>(FromBase64Url(payload));
        }
        catch (Exception ex) when (ex is JsonException or FormatException)
        {
            return (ActionTokenCheck.Malformed, null);
        }

        if (claims is null)
        {
            return (ActionTokenCheck.Malformed, null);
        }

        return claims.ExpiresAtUtc <= time.GetUtcNow().UtcDateTime ? (ActionTokenCheck.Expired, claims) : (ActionTokenCheck.Valid, claims);
    }

    private string Sign(string kid, string payload) =>
        Base64Url(HMACSHA256.HashData(Encoding.UTF8.GetBytes(options.Keys[kid]), Encoding.ASCII.GetBytes(kid + "." + payload)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] FromBase64Url(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(padded + new string('=', (4 - (padded.Length % 4)) % 4));
    }
}
