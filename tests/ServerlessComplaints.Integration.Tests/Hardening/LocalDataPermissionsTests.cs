using System.Runtime.Versioning;
using ServerlessComplaints.LocalHost.Hosting;
using ServerlessComplaints.LocalHost.Azurite;

namespace ServerlessComplaints.Integration.Tests.Hardening;

/// <summary>The local data (Azurite's files, dev-secrets.json with the keys) is not readable by other users.</summary>
[UnsupportedOSPlatform("windows")]
public sealed class LocalDataPermissionsTests : IDisposable
{
    private const UnixFileMode Directory0700 = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode File0600 = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private readonly string _root = Path.Combine(Path.GetTempPath(), "sc-perm-" + Guid.NewGuid().ToString("N")[..8]);

    [Fact]
    public async Task StartAsync_OwnAzuriteInAFreshDataDirectory_DataAndAzuriteFolders0700Secrets0600()
    {
        var data = Path.Combine(_root, "data");
        await using (var service = await LocalHost.Hosting.LocalService.StartAsync(
        [
            "--urls", "http://127.0.0.1:0", "--LocalService:DataDirectory", data,
            "--LocalService:AzuriteBlobPort", "0", "--LocalService:AzuriteQueuePort", "0", "--LocalService:AzuriteTablePort", "0",
            "--Logging:LogLevel:Default", "Warning",
        ]))
        {
            Assert.NotNull(service.Azurite);
        }

        Assert.Equal(Directory0700, File.GetUnixFileMode(data));
        Assert.Equal(Directory0700, File.GetUnixFileMode(Path.Combine(data, "azurite")));
        Assert.Equal(File0600, File.GetUnixFileMode(Path.Combine(data, "dev-secrets.json")));
    }

    [Fact]
    public void Ensure_ExistingWorldReadableFolder_TightenedTo0700()
    {
        Directory.CreateDirectory(_root, Directory0700 | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        File.SetUnixFileMode(_root, Directory0700 | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);

        PrivateDirectory.Ensure(_root);

        Assert.Equal(Directory0700, File.GetUnixFileMode(_root));
    }

    [Fact]
    public void LoadOrCreate_ExistingSecretsFileReadableByOthers_Tightened0600AndKept()
    {
        var path = Path.Combine(_root, "dev-secrets.json");
        var first = DevSecrets.LoadOrCreate(path, ["zhang.wei"]);
        File.SetUnixFileMode(path, File0600 | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        var again = DevSecrets.LoadOrCreate(path, ["zhang.wei"]);

        Assert.Equal(File0600, File.GetUnixFileMode(path));
        Assert.Equal(Directory0700, File.GetUnixFileMode(_root));
        Assert.Equal(first.StaffApiKeys["zhang.wei"], again.StaffApiKeys["zhang.wei"]);
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
