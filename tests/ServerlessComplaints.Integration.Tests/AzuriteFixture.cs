using ServerlessComplaints.LocalHost.Azurite;

namespace ServerlessComplaints.Integration.Tests;

/// <summary>One in-memory Azurite for the whole test run, on free loopback ports; tests isolate by table and container names.</summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private AzuriteProcess? _azurite;

    public string ConnectionString => _azurite?.ConnectionString ?? throw new InvalidOperationException("Azurite is not running.");

    public static string RepositoryRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ServerlessComplaints.sln")))
            {
                dir = dir.Parent;
            }

            return dir?.FullName ?? throw new InvalidOperationException("Repository root not found above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>A table or container name unique to one test (letters and digits, starts with a letter).</summary>
    public static string UniqueName(string prefix) => prefix + Guid.NewGuid().ToString("N")[..12];

    public async Task InitializeAsync() =>
        _azurite = await ProcessLedger.StartAzuriteAsync(new AzuriteOptions { RepositoryRoot = RepositoryRoot });

    public async Task DisposeAsync()
    {
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }
}
