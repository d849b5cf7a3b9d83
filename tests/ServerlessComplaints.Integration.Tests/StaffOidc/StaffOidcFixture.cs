using ServerlessComplaints.LocalHost.Azurite;

namespace ServerlessComplaints.Integration.Tests.StaffOidc;

/// <summary>
/// The OIDC provider stub, one Azurite, and two LocalHost services on it: <see cref="Service"/> signs staff in with the
/// stub (StaffOidc configured), <see cref="OtherInstance"/> has no StaffOidc and tables of its own — a second node that
/// shares only the storage account's data-protection key ring.
/// </summary>
public sealed class StaffOidcFixture : IAsyncLifetime
{
    private readonly List<string> _dataDirectories = [];

    private AzuriteProcess _azurite = null!;

    internal OidcProviderStub Provider { get; private set; } = null!;

    public LocalHost.Hosting.LocalService Service { get; private set; } = null!;

    public LocalHost.Hosting.LocalService OtherInstance { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _azurite = await ProcessLedger.StartAzuriteAsync(new AzuriteOptions { RepositoryRoot = AzuriteFixture.RepositoryRoot });
        Provider = await OidcProviderStub.StartAsync();
        Service = await StartAsync(
            "--StaffOidc:Authority", Provider.Authority,
            "--StaffOidc:ClientId", OidcProviderStub.ClientId,
            "--StaffOidc:ClientSecret", OidcProviderStub.ClientSecret);
        OtherInstance = await StartAsync();
    }

    public async Task DisposeAsync()
    {
        await OtherInstance.DisposeAsync();
        await Service.DisposeAsync();
        await Provider.DisposeAsync();
        await _azurite.DisposeAsync();
        foreach (var directory in _dataDirectories)
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private async Task<LocalHost.Hosting.LocalService> StartAsync(params string[] arguments)
    {
        var prefix = AzuriteFixture.UniqueName("t");
        var dataDirectory = Path.Combine(Path.GetTempPath(), "sc-oidc-" + Guid.NewGuid().ToString("N")[..8]);
        _dataDirectories.Add(dataDirectory);
        return await LocalHost.Hosting.LocalService.StartAsync(
        [
            "--urls", "http://127.0.0.1:0",
            "--LocalService:StorageConnectionString", _azurite.ConnectionString,
            "--LocalService:TablePrefix", prefix,
            "--LocalService:EvidenceContainer", "ev" + prefix.ToLowerInvariant(),
            "--LocalService:DataDirectory", dataDirectory,
            "--RateLimits:PublicPerMinute", "100000",
            "--Logging:LogLevel:Default", "Warning",
            .. Resilience.TestEngine.Arguments(),
            .. arguments,
        ]);
    }
}

[CollectionDefinition(Name)]
public sealed class StaffOidcCollection : ICollectionFixture<StaffOidcFixture>
{
    public const string Name = "StaffOidc";
}
