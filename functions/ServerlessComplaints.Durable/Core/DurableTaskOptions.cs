namespace ServerlessComplaints.Durable.Core;

/// <summary>
/// Section "DurableTask": the local service's task hub on the Azure Storage backend. The defaults suit one machine;
/// several nodes against one storage account share the hub's partitions (set the partition count before the first start).
/// </summary>
public sealed class DurableTaskOptions
{
    public const string SectionName = "DurableTask";

    /// <summary>Names the hub's queues, tables and lease container (3–45 letters or digits, starting with a letter).</summary>
    public string TaskHubName { get; set; } = "ComplaintsHub";

    /// <summary>Control-queue partitions: the most nodes that can share the work. Fixed when the hub is created.</summary>
    public int PartitionCount { get; set; } = 4;

    /// <summary>The backend backs off to this when idle (its default of 30 s makes a quiet service slow to answer).</summary>
    public TimeSpan MaxQueuePollingInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Keeps orchestrations in memory between episodes: fewer history reads.</summary>
    public bool ExtendedSessions { get; set; }

    public int MaxConcurrentActivities { get; set; } = 10;

    public int MaxConcurrentOrchestrations { get; set; } = 50;

    /// <summary>How long a dequeued message stays invisible: after a crash, the time before another worker takes it over.</summary>
    public TimeSpan ControlQueueVisibilityTimeout { get; set; } = TimeSpan.FromMinutes(5);

    public TimeSpan WorkItemQueueVisibilityTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Partition lease length: after a crash, the time before another node owns the partition.</summary>
    public TimeSpan LeaseInterval { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan LeaseRenewInterval { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan LeaseAcquireInterval { get; set; } = TimeSpan.FromSeconds(10);
}
