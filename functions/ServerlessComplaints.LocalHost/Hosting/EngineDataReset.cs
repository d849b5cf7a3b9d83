namespace ServerlessComplaints.LocalHost.Hosting;

/// <summary>
/// Cases stored by the embedded engine of earlier versions are not migrated to the Durable Task engine. On the first
/// start on the new engine, an Azurite data folder without the engine marker is moved aside (not deleted), so the
/// service starts empty and says so; the marker then records that the data belongs to the Durable Task engine.
/// </summary>
internal static class EngineDataReset
{
    public const string MarkerFile = "engine";
    public const string MovedAsideFolder = "azurite-embedded-engine";

    public static void ResetIfFromEmbeddedEngine(string dataDirectory, Action<string>? progress)
    {
        var azurite = Path.Combine(dataDirectory, "azurite");
        if (File.Exists(Path.Combine(dataDirectory, MarkerFile)) || !Directory.Exists(azurite) || !Directory.EnumerateFileSystemEntries(azurite).Any())
        {
            return;
        }

        var aside = Path.Combine(dataDirectory, MovedAsideFolder);
        for (var n = 2; Directory.Exists(aside); n++)
        {
            aside = Path.Combine(dataDirectory, $"{MovedAsideFolder}-{n}");
        }

        Directory.Move(azurite, aside);
        progress?.Invoke($"First start on the Durable Task engine: cases stored by the old embedded engine are not migrated. "
            + $"The old local data was moved to {aside} (delete it when you no longer need it); the service starts with empty storage.");
    }

    public static void MarkDurableTask(string dataDirectory) =>
        File.WriteAllText(Path.Combine(dataDirectory, MarkerFile), LocalServiceOptions.DurableTaskEngine + Environment.NewLine);
}
