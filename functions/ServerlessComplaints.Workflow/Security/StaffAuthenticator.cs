using System.Security.Cryptography;
using System.Text;
using ServerlessComplaints.Workflow.Assessment;

namespace ServerlessComplaints.Workflow.Security;

/// <summary>
/// Staff routes take <c>Authorization: Bearer &lt;key&gt;</c>; configuration maps each staff id to a key
/// (<c>Staff:ApiKeys:&lt;staffId&gt;</c>). Keys are compared in constant time; the identity comes from the directory.
/// </summary>
public sealed class StaffAuthenticator(StaffDirectory directory, IReadOnlyDictionary<string, string> apiKeys)
{
    /// <summary>True when at least one staff member has a usable key (the sign-in page offers the key form only then).</summary>
    public bool HasKeys => apiKeys.Values.Any(key => key.Length >= 16);

    public StaffMember? Authenticate(string? authorizationHeader)
    {
        if (authorizationHeader is null || !authorizationHeader.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var presented = Encoding.UTF8.GetBytes(authorizationHeader["Bearer ".Length..].Trim());
        StaffMember? match = null;
        foreach (var (staffId, key) in apiKeys)
        {
            // Every key is compared, so timing says nothing about which one matched.
            if (key.Length >= 16 && CryptographicOperations.FixedTimeEquals(presented, Encoding.UTF8.GetBytes(key)))
            {
                match = directory.Find(staffId);
            }
        }

        return match;
    }
}
