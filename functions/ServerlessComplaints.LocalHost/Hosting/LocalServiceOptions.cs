namespace ServerlessComplaints.LocalHost.Hosting;

/// <summary>Section "LocalService": where local data lives and which storage to use.</summary>
public sealed class LocalServiceOptions
{
    public const string SectionName = "LocalService";

    /// <summary>Azurite data, dev secrets; default <c>.data</c> in the repository (git-ignored).</summary>
    public string? DataDirectory { get; set; }

    /// <summary>A storage connection string; when empty, the service starts Azurite itself.</summary>
    public string? StorageConnectionString { get; set; }

    /// <summary>
    /// The workflow engine: "durable-task" (DurableTask.Core on the Azure Storage backend), the only one. The embedded
    /// engine of earlier versions was retired; naming it stops the start with a clear message.
    /// </summary>
    public string? Engine { get; set; }

    /// <summary>Prefix of every table name (tests isolate by it).</summary>
    public string TablePrefix { get; set; } = "";

    public string EvidenceContainer { get; set; } = "evidence";

    /// <summary>Chaos switch of the dev mail sink: "address:count;…" fails the first deliveries to each address.</summary>
    public string? MailSinkFailures { get; set; }

    /// <summary>Ports of the Azurite the service starts (Azurite's defaults; 0 picks free ones).</summary>
    public int AzuriteBlobPort { get; set; } = 10000;

    public int AzuriteQueuePort { get; set; } = 10001;

    public int AzuriteTablePort { get; set; } = 10002;

    public const string DurableTaskEngine = "durable-task";

    public void ValidateEngine()
    {
        if (!string.IsNullOrEmpty(Engine) && Engine != DurableTaskEngine)
        {
            throw new InvalidOperationException(
                $"{SectionName}:Engine '{Engine}' is not available: every case runs on the Durable Task engine ('{DurableTaskEngine}'). Remove the setting.");
        }
    }
}
