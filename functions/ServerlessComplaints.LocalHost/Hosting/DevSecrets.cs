using System.Security.Cryptography;
using System.Text.Json;

namespace ServerlessComplaints.LocalHost.Hosting;

/// <summary>
/// Development secrets generated on first run and kept with the local data (never in the repository): the status
/// link key and one staff API key per staff member.
/// </summary>
public sealed record DevSecrets(string StatusLinkKey, Dictionary<string, string> StaffApiKeys)
{
    /// <summary>The action-link signing key (added after the first release: generated when an older file lacks it).</summary>
    public string ActionTokenKey { get; init; } = "";

    /// <summary>The Inbound Parse webhook's basic-auth password (added later too: generated when missing).</summary>
    public string InboundEmailSecret { get; init; } = "";

    public static DevSecrets LoadOrCreate(string path, IEnumerable<string> staffIds)
    {
        var secrets = File.Exists(path) ? JsonSerializer.Deserialize<DevSecrets>(File.ReadAllText(path)) : null;
        secrets ??= new DevSecrets(NewKey(), new Dictionary<string, string>(StringComparer.Ordinal));
        var changed = !File.Exists(path);
        if (secrets.ActionTokenKey.Length == 0)
        {
            secrets = secrets with { ActionTokenKey = NewKey() };
            changed = true;
        }

        if (secrets.InboundEmailSecret.Length == 0)
        {
            secrets = secrets with { InboundEmailSecret = NewKey() };
            changed = true;
        }

        foreach (var id in staffIds.Where(id => !secrets.StaffApiKeys.ContainsKey(id)))
        {
            secrets.StaffApiKeys[id] = NewKey();
            changed = true;
        }

        if (changed)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, JsonSerializer.Serialize(secrets, new JsonSerializerOptions { WriteIndented = true }));
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }

        return secrets;
    }

    private static string NewKey() => Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();
}
