using ServerlessComplaints.Integration.Tests.Resilience;
using ServerlessComplaints.LocalHost.Azurite;

namespace ServerlessComplaints.Integration.Tests.Storage;

/// <summary>Azurite's life apart from its starter's: log file, pid file, reuse after a crashed starter, graceful replacement.</summary>
public sealed class AzuriteProcessTests : IAsyncLifetime
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "sc-azurite-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly List<AzuriteProcess> _started = [];

    [Fact]
    public async Task StartAsync_WithDataDirectory_LogsToFileAndRecordsPidAndPorts()
    {
        var azurite = await StartAsync(0);

        var recorded = AzuriteInstance.Read(_data);
        Assert.Equal(Path.Combine(_data, AzuriteInstance.LogFileName), azurite.LogFile);
        Assert.NotNull(recorded);
        Assert.Equal((azurite.ProcessId, azurite.TablePort), (recorded.ProcessId, recorded.TablePort));
        Assert.True(recorded.IsRunningFrom(Path.Combine(AzuriteFixture.RepositoryRoot, "node_modules", ".bin", "azurite")));
    }

    [Fact]
    public async Task StartAsync_InstallsAzuriteWithTheRepositoryPatchesApplied()
    {
        await StartAsync(0); // installs the npm packages when missing, as the service does

        var patches = Directory.GetFiles(Path.Combine(AzuriteFixture.RepositoryRoot, "patches"), "azurite+*.patch");
        Assert.NotEmpty(patches);
        foreach (var patch in patches)
        {
            // Reversing applies cleanly only when every hunk is in place (a node_modules installed without npm ci's postinstall is not).
            var check = new System.Diagnostics.ProcessStartInfo("git", ["apply", "--check", "--reverse", patch])
            {
                WorkingDirectory = AzuriteFixture.RepositoryRoot,
                RedirectStandardError = true,
            };
            using var git = System.Diagnostics.Process.Start(check)!;
            var error = await git.StandardError.ReadToEndAsync();
            await git.WaitForExitAsync();
            Assert.True(git.ExitCode == 0, $"{Path.GetFileName(patch)} is not applied to node_modules: {error}");
        }
    }

    [Fact]
    public async Task StartAsync_PreviousStarterCrashed_ReusesItsAzuriteAndStopsItGracefullyOnDispose()
    {
        var abandoned = await StartAsync(0); // its starter "crashes": never disposed by it

        var reused = await StartAsync(0);
        await reused.DisposeAsync();

        Assert.True(reused.Reused);
        Assert.Equal(abandoned.ProcessId, reused.ProcessId);
        Assert.True(abandoned.HasExited);
        Assert.Null(AzuriteInstance.Read(_data));
        Assert.Contains("successfully closed", await File.ReadAllTextAsync(reused.LogFile), StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_data, "*.json~"));
    }

    [Fact]
    public async Task StartAsync_PreviousOnOtherPorts_StopsItSoItSavesAndStartsAFreshOne()
    {
        var abandoned = await StartAsync(HostProcess.FreePort());

        var fresh = await StartAsync(HostProcess.FreePort());

        Assert.False(fresh.Reused);
        Assert.NotEqual(abandoned.ProcessId, fresh.ProcessId);
        Assert.True(abandoned.HasExited);
        Assert.Empty(Directory.GetFiles(_data, "*.json~"));
        Assert.Equal(fresh.ProcessId, AzuriteInstance.Read(_data)!.ProcessId);
    }

    [Fact]
    public async Task DisposeAsync_WhileAClientGoesOnCalling_StopsAndKeepsTheData()
    {
        var azurite = await StartAsync(0);
        var table = new Azure.Data.Tables.TableClient(azurite.ConnectionString, "kept");
        await table.CreateIfNotExistsAsync();
        await table.AddEntityAsync(new Azure.Data.Tables.TableEntity("p", "r") { ["Value"] = "written before the stop" });
        using var stop = new CancellationTokenSource();
        // A client that goes on calling while Azurite closes, as the engine's loops do after a forced stop.
        var caller = Task.Run(async () =>
        {
            var queue = new Azure.Storage.Queues.QueueClient(azurite.ConnectionString, "calls",
                new Azure.Storage.Queues.QueueClientOptions { Retry = { MaxRetries = 0 } });
            await queue.CreateIfNotExistsAsync();
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    await queue.ReceiveMessagesAsync(8, TimeSpan.FromSeconds(30), stop.Token);
                    await table.GetEntityIfExistsAsync<Azure.Data.Tables.TableEntity>("p", "r", cancellationToken: stop.Token);
                    await Task.Delay(100, stop.Token);
                }
                catch (Exception e) when (e is Azure.RequestFailedException or OperationCanceledException or AggregateException)
                {
                }
            }
        });

        await Task.Delay(300);
        await azurite.DisposeAsync();
        var exited = azurite.HasExited;
        await stop.CancelAsync();
        await caller;
        var restarted = await StartAsync(0);
        var kept = await new Azure.Data.Tables.TableClient(restarted.ConnectionString, "kept").GetEntityAsync<Azure.Data.Tables.TableEntity>("p", "r");

        Assert.True(exited);
        Assert.Equal("written before the stop", kept.Value.GetString("Value"));
        Assert.Empty(Directory.GetFiles(_data, "*.json~"));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var azurite in Enumerable.Reverse(_started))
        {
            await azurite.DisposeAsync();
        }

        Directory.Delete(_data, recursive: true);
    }

    private async Task<AzuriteProcess> StartAsync(int tablePort)
    {
        var azurite = await ProcessLedger.StartAzuriteAsync(new AzuriteOptions
        {
            RepositoryRoot = AzuriteFixture.RepositoryRoot,
            DataDirectory = _data,
            TablePort = tablePort,
        });
        _started.Add(azurite);
        return azurite;
    }
}
