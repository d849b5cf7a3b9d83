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

    /// <summary>
    /// This node's name in the partition leases; empty for <c>{machine}-{process id}</c>. Two hubs in one process (a
    /// benchmark's two nodes) need names of their own.
    /// </summary>
    public string? WorkerId { get; set; }

    /// <summary>Control-queue partitions: the most nodes that can share the work. Fixed when the hub is created.</summary>
    public int PartitionCount { get; set; } = 4;

    /// <summary>The backend backs off to this when idle (its default of 30 s makes a quiet service slow to answer).</summary>
    public TimeSpan MaxQueuePollingInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Keeps orchestrations in memory between episodes: fewer history reads.</summary>
    public bool ExtendedSessions { get; set; }

    /// <summary>
    /// With <see cref="ExtendedSessions"/>, how long an orchestration stays in memory (holding an orchestration slot) waiting
    /// for its next message before its session ends; the backend's default is 30 s.
    /// </summary>
    public TimeSpan ExtendedSessionIdleTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public int MaxConcurrentActivities { get; set; } = 10;

    public int MaxConcurrentOrchestrations { get; set; } = 50;

    /// <summary>
    /// Control-queue messages taken per poll. A message taken waits, unrenewed, in the backend's buffer until its history
    /// is read and an orchestration slot is free; past <see cref="ControlQueueVisibilityTimeout"/> it reappears, is taken
    /// again with a new pop receipt, and the first copy's delete or abandon fails with "message no longer exists" (an
    /// abandon that fails leaves the message invisible for the rest of its timeout). Small batches keep the wait short.
    /// </summary>
    public int ControlQueueBatchSize { get; set; } = 8;

    /// <summary>
    /// The most control-queue messages held in memory before polling pauses: at most the orchestration slots, so what
    /// is taken can run at once instead of waiting out its visibility (the backend's 64 with 32 a batch let ~95 wait).
    /// </summary>
    public int ControlQueueBufferThreshold { get; set; } = 32;

    /// <summary>
    /// How long a dequeued control-queue message (an orchestration's next event) stays invisible: after a crash, the most a
    /// case waits for its next episode. The worker renews it every 5 s while an episode runs; a message it has dequeued but
    /// not yet run is not renewed and, past this, is dequeued again (the backend drops the duplicate). 30 s on one machine:
    /// the backend's 5 min made a crash cost minutes.
    /// </summary>
    public TimeSpan ControlQueueVisibilityTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The same for a work-item (activity) message. The worker renews it every 5 s while the activity runs, so an activity may
    /// run longer than this; if a renewal fails the activity may run twice (activities are idempotent).
    /// </summary>
    public TimeSpan WorkItemQueueVisibilityTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Partition lease length: after a crash, the time before another node owns the partition.</summary>
    public TimeSpan LeaseInterval { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan LeaseRenewInterval { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan LeaseAcquireInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long a graceful stop may drain (running activities finish, their results run) before it is forced; keep it
    /// under the host's shutdown timeout (30 s).
    /// </summary>
    public TimeSpan StopTimeout { get; set; } = TimeSpan.FromSeconds(20);
}
