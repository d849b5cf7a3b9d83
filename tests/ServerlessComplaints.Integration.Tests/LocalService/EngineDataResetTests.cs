using ServerlessComplaints.LocalHost.Hosting;

namespace ServerlessComplaints.Integration.Tests.LocalService;

/// <summary>
/// Cases stored by the retired embedded engine are not migrated: the first start on the Durable Task engine moves the
/// old local data aside (kept, not deleted), says so in its start-up output, and marks the folder as the new engine's.
/// </summary>
public sealed class EngineDataResetTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "sc-reset-" + Guid.NewGuid().ToString("N")[..8]);

    public EngineDataResetTests() => Directory.CreateDirectory(_data);

    public void Dispose() => Directory.Delete(_data, recursive: true);

    [Fact]
    public async Task FirstStart_OnDataOfTheEmbeddedEngine_MovesItAsideSaysSoAndMarksTheFolder()
    {
        var old = Path.Combine(_data, "azurite");
        Directory.CreateDirectory(old);
        await File.WriteAllTextAsync(Path.Combine(old, "__azurite_db_table__.json"), "{\"old\":\"embedded engine cases\"}");
        var output = new List<string>();

        await using (var service = await LocalHost.Hosting.LocalService.StartAsync(
        [
            "--urls", "http://127.0.0.1:0", "--LocalService:DataDirectory", _data,
            "--LocalService:AzuriteBlobPort", "0", "--LocalService:AzuriteQueuePort", "0", "--LocalService:AzuriteTablePort", "0",
            "--Logging:LogLevel:Default", "Warning", .. Resilience.TestEngine.Arguments(),
        ], line => { lock (output) { output.Add(line); } }))
        {
            using var http = new HttpClient { BaseAddress = new Uri(service.BaseUrl) };
            Assert.True((await http.GetAsync(new Uri("/healthz", UriKind.Relative))).IsSuccessStatusCode);
        }

        var moved = Path.Combine(_data, EngineDataReset.MovedAsideFolder, "__azurite_db_table__.json");
        Assert.True(File.Exists(moved), "the old data was not kept aside");
        Assert.Contains("embedded engine cases", await File.ReadAllTextAsync(moved), StringComparison.Ordinal);
        Assert.Contains(output, line => line.Contains("not migrated", StringComparison.Ordinal) && line.Contains(EngineDataReset.MovedAsideFolder, StringComparison.Ordinal));
        Assert.Equal("durable-task", (await File.ReadAllTextAsync(Path.Combine(_data, EngineDataReset.MarkerFile))).Trim());
    }

    [Fact]
    public void ResetIfFromEmbeddedEngine_FolderAlreadyMarked_LeavesTheDataWhereItIs()
    {
        var azurite = Path.Combine(_data, "azurite");
        Directory.CreateDirectory(azurite);
        File.WriteAllText(Path.Combine(azurite, "data.json"), "{}");
        EngineDataReset.MarkDurableTask(_data);
        var said = new List<string>();

        EngineDataReset.ResetIfFromEmbeddedEngine(_data, said.Add);

        Assert.True(File.Exists(Path.Combine(azurite, "data.json")));
        Assert.False(Directory.Exists(Path.Combine(_data, EngineDataReset.MovedAsideFolder)));
        Assert.Empty(said);
    }

    [Fact]
    public void ResetIfFromEmbeddedEngine_NoOldData_NothingToSay()
    {
        var said = new List<string>();

        EngineDataReset.ResetIfFromEmbeddedEngine(_data, said.Add);

        Assert.Empty(said);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_data));
    }

    [Fact]
    public async Task Start_WithTheRetiredEmbeddedEngineNamed_StopsWithAClearMessage()
    {
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => LocalHost.Hosting.LocalService.StartAsync(
            ["--urls", "http://127.0.0.1:0", "--LocalService:DataDirectory", _data, "--LocalService:Engine", "embedded",
             "--LocalService:StorageConnectionString", "UseDevelopmentStorage=true"]));

        Assert.Contains("Durable Task engine", failure.Message, StringComparison.Ordinal);
        Assert.Contains("LocalService:Engine", failure.Message, StringComparison.Ordinal);
    }
}
