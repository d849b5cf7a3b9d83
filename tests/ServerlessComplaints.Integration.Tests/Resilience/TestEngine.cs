namespace ServerlessComplaints.Integration.Tests.Resilience;

/// <summary>
/// The engines a reliability test runs on, as service arguments. On the Durable Task engine the lease and the queue
/// visibility are cut to seconds, so recovery after a SIGKILL (lease expiry + visibility) fits in a test;
/// DURABLE_DEFAULT_TIMEOUTS=1 keeps the defaults (30 s lease, 5 min visibility) to measure real recovery time.
/// </summary>
internal static class TestEngine
{
    public const string Embedded = "embedded";
    public const string DurableTask = "durable-task";

    public static bool DefaultTimeouts => Environment.GetEnvironmentVariable("DURABLE_DEFAULT_TIMEOUTS") == "1";

    public static string[] Arguments(string engine) => engine switch
    {
        Embedded => [],
        DurableTask when DefaultTimeouts => ["--LocalService:Engine", DurableTask],
        DurableTask =>
        [
            "--LocalService:Engine", DurableTask, "--DurableTask:PartitionCount", "1",
            "--DurableTask:LeaseInterval", "00:00:04", "--DurableTask:LeaseRenewInterval", "00:00:01",
            "--DurableTask:LeaseAcquireInterval", "00:00:01", "--DurableTask:ControlQueueVisibilityTimeout", "00:00:05",
            "--DurableTask:WorkItemQueueVisibilityTimeout", "00:00:05", "--DurableTask:MaxQueuePollingInterval", "00:00:00.500",
        ],
        _ => throw new ArgumentOutOfRangeException(nameof(engine), engine, null),
    };
}
