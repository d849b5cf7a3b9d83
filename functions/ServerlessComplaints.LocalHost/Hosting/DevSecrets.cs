using System.Security.Cryptography;
using System.Text.Json;
using ServerlessComplaints.LocalHost.Azurite;

namespace ServerlessComplaints.LocalHost.Hosting;

/// <summary>
/// Development secrets generated on first run and kept with the local data (never in the repository): the status
/// link key and one staff API key per staff member.
/// </summary>
public sealed record DevSecrets(string StatusLinkKey, Dictionary<string, string> StaffApiKeys)
{
    private const UnixFileMode OwnerReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite;

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
            Write(path, JsonSerializer.Serialize(secrets, new JsonSerializerOptions { WriteIndented = true }));
        }
        else if (!OperatingSystem.IsWindows() && File.GetUnixFileMode(path) != OwnerReadWrite)
        {
            File.SetUnixFileMode(path, OwnerReadWrite);
        }

        return secrets;
    }

    // Created 0600 in a 0700 folder: never readable by others, not even between writing and a later chmod.
    private static void Write(string path, string json)
    {
        PrivateDirectory.Ensure(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerReadWrite;
        }

        using (var file = new StreamWriter(path, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false), options))
        {
            file.Write(json);
        }

        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, OwnerReadWrite);
        }
    }

    private static string NewKey() => Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();
}
