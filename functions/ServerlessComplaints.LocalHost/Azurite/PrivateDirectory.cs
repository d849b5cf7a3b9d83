namespace ServerlessComplaints.LocalHost.Azurite;

/// <summary>
/// Local data folders (Azurite's data, the dev secrets) readable by their owner only: created with mode 0700, and an
/// existing folder that others can read is tightened to 0700. On Windows the folder keeps its inherited ACL.
/// </summary>
public static class PrivateDirectory
{
    public const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    private const UnixFileMode OthersAndGroup =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    /// <summary>Creates the folder (and missing parents) owner-only, or tightens an existing one; returns its full path.</summary>
    /// <exception cref="InvalidOperationException">The folder exists, others can read it, and it cannot be tightened (not its owner).</exception>
    public static string Ensure(string path)
    {
        var full = Path.GetFullPath(path);
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(full);
            return full;
        }

        if (!Directory.Exists(full))
        {
            Directory.CreateDirectory(full, OwnerOnly);
        }

        if ((File.GetUnixFileMode(full) & OthersAndGroup) != 0)
        {
            try
            {
                File.SetUnixFileMode(full, OwnerOnly);
            }
            catch (UnauthorizedAccessException ex)
            {
                throw new InvalidOperationException($"The local data folder {full} is readable by other users and could not be restricted to its owner (chmod 700): {ex.Message}", ex);
            }
        }

        return full;
    }
}
