namespace ServerlessComplaints.Integration.Tests.Resilience;

/// <summary>
/// The service arguments of a reliability test on the Durable Task engine: the lease and the queue visibility are cut
/// to seconds, so recovery after a SIGKILL (lease expiry + visibility) fits in a test. DURABLE_DEFAULT_TIMEOUTS=1
/// keeps the service's defaults, to measure real recovery time.
/// </summary>
internal static class TestEngine
{
    public const string DurableTask = "durable-task";

    public static bool DefaultTimeouts => Environment.GetEnvironmentVariable("DURABLE_DEFAULT_TIMEOUTS") == "1";

    public static string[] Arguments(string engine = DurableTask) => engine switch
    {
        DurableTask when DefaultTimeouts => [],
        DurableTask => Arguments(partitionCount: 1),
        _ => throw new ArgumentOutOfRangeException(nameof(engine), engine, "Every case runs on the Durable Task engine."),
    };

    /// <summary>With <paramref name="partitionCount"/> control queues: more than one lets several nodes share the work.</summary>
    public static string[] Arguments(int partitionCount) => DefaultTimeouts
        ? ["--DurableTask:PartitionCount", $"{partitionCount}"]
        :
        [
            "--DurableTask:PartitionCount", $"{partitionCount}",
            "--DurableTask:LeaseInterval", "00:00:04", "--DurableTask:LeaseRenewInterval", "00:00:01",
            "--DurableTask:LeaseAcquireInterval", "00:00:01", "--DurableTask:ControlQueueVisibilityTimeout", "00:00:05",
            "--DurableTask:WorkItemQueueVisibilityTimeout", "00:00:05", "--DurableTask:MaxQueuePollingInterval", "00:00:00.500",
        ];
}
