using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ServerlessComplaints.Workflow.Domain;
using ServerlessComplaints.Workflow.Security;

namespace ServerlessComplaints.Workflow.Intake;

/// <summary>
/// What an <see cref="IIdempotencyStore"/> keeps instead of a client's key and body: HMAC-SHA256 values under a key
/// derived from the server's status-link secret. The scope (the public, one staff member, the inbound-email channel) is
/// inside the MAC, so a key chosen by one caller can never reach another scope's rows, and nobody without the secret
/// can compute a stored key in advance, for instance from a Message-ID they have seen. The request hash covers the
/// normalised case and each file's name, type and SHA-256, never storing the body itself.
/// </summary>
public sealed class IdempotencyKeys(SecurityOptions security)
{
    /// <summary>Scope of keys sent by the public on <c>POST /api/complaints</c>.</summary>
    public const string PublicScope = "public";

    /// <summary>Scope of keys derived from inbound mail (from its Message-ID).</summary>
    public const string InboundEmailScope = "inbound-email";

    // A key of its own, so an idempotency hash can never double as a status-link token.
    private readonly byte[] _key = HMACSHA256.HashData(Encoding.UTF8.GetBytes(security.StatusLinkKey), "intake-idempotency/v1"u8);

    /// <summary>The scope of a staff member's keys: one member's key never replays another's case.</summary>
    public static string StaffScope(string staffId) => "staff:" + staffId;

    public string KeyFor(string scope, string clientKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(scope);
        ArgumentNullException.ThrowIfNull(clientKey);
        return Mac("key\n" + scope + "\n" + clientKey);
    }

    /// <summary>The hash of a validated request: equal for the same case however it was sent (JSON or form, spacing trimmed).</summary>
    public string RequestHash(ComplaintDetails details, IEnumerable<(string SafeName, string ContentType, string Sha256)> files)
    {
        ArgumentNullException.ThrowIfNull(details);
        ArgumentNullException.ThrowIfNull(files);

        // Tracking number, time of receipt and blob names differ per attempt: they are not part of the request.
        var request = new NormalisedRequest(
            details.Kind, details.Category, details.Channel, details.Subject, details.Description, details.Customer.Name,
            details.Customer.Email, details.Customer.Phone, details.Language, details.Location, details.OrderReference,
            details.OccurredAt, details.DesiredRemedy, details.LoggedBy, [.. files.Select(f => new NormalisedFile(f.SafeName, f.ContentType, f.Sha256))]);
        return Mac("request\n" + JsonSerializer.Serialize(request));
    }

    /// <summary>Compares two hashes in constant time.</summary>
    public static bool SameHash(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(a), Encoding.ASCII.GetBytes(b));

    private string Mac(string text) => Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(text)));

    private sealed record NormalisedRequest(
        ComplaintKind Kind, Category Category, Channel Channel, string Subject, string Description, string Name, string? Email,
        string? Phone, string Language, string? Location, string? OrderReference, DateTimeOffset? OccurredAt,
        RemedyType? DesiredRemedy, string? LoggedBy, IReadOnlyList<NormalisedFile> Files);

    private sealed record NormalisedFile(string Name, string ContentType, string Sha256);
}
