namespace ServerlessComplaints.Harness.Execution;

/// <summary>Settings of the replay executor.</summary>
public sealed class ExecutorOptions
{
    public UncancelledTimerPolicy UncancelledTimers { get; set; } = UncancelledTimerPolicy.Fail;
}
