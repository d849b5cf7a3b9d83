using System.Runtime.Versioning;
using ServerlessComplaints.Integration.Tests.LocalService;

namespace ServerlessComplaints.Integration.Tests.Hardening;

/// <summary>The shared service's own data folder, created by the service at start.</summary>
[Collection(LocalServiceCollection.Name)]
[UnsupportedOSPlatform("windows")]
public sealed class ServiceDataFolderTests(LocalServiceFixture fixture)
{
    [Fact]
    public void DataDirectory_CreatedByTheService_OwnerOnly()
    {
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(fixture.DataDirectory));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(fixture.DataDirectory, "dev-secrets.json")));
    }
}
