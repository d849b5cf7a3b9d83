namespace ServerlessComplaints.LocalHost.Azurite;

/// <summary>How to start the Azurite storage emulator: where the repository is, where data goes, which ports.</summary>
public sealed record AzuriteOptions
{
    /// <summary>The folder holding package.json (Azurite is installed into its node_modules).</summary>
    public required string RepositoryRoot { get; init; }

    /// <summary>Folder for persistent data; null keeps everything in memory (gone with the process).</summary>
    public string? DataDirectory { get; init; }

    /// <summary>0 picks a free port.</summary>
    public int BlobPort { get; init; }

    public int QueuePort { get; init; }

    public int TablePort { get; init; }

    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Progress lines (installing, starting); null to stay quiet.</summary>
    public Action<string>? Progress { get; init; }
}
