using System.Security.Cryptography;
using System.Text;
using ServerlessComplaints.Workflow.Notifications;

namespace ServerlessComplaints.Workflow.Security;

/// <summary>
/// The customer's status link: the tracking number plus an HMAC-SHA256 access token, so a status cannot be read
/// by guessing tracking numbers.
/// </summary>
public sealed class StatusLinks(SecurityOptions security, NotificationOptions notifications)
{
    private readonly byte[] _key = Encoding.UTF8.GetBytes(security.StatusLinkKey);

    public string TokenFor(string trackingNumber)
    {
        var mac = HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes("status:" + trackingNumber));
        return Convert.ToBase64String(mac, 0, 18).Replace('+', '-').Replace('/', '_');
    }

    public bool IsValid(string trackingNumber, string? token) =>
        token is { Length: 24 }
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(TokenFor(trackingNumber)), Encoding.ASCII.GetBytes(token));

    public string PageUrl(string trackingNumber) =>
        $"{notifications.PublicBaseUrl.TrimEnd('/')}/status/{trackingNumber}?t={TokenFor(trackingNumber)}";

    public string ApiPath(string trackingNumber) => $"/api/complaints/{trackingNumber}";
}
