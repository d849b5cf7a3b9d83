namespace ServerlessComplaints.Harness.Execution;

/// <summary>What happens when an orchestrator returns while a timer it created is neither fired nor cancelled.</summary>
public enum UncancelledTimerPolicy
{
    /// <summary>Fail the instance with a message naming the timers: a forgotten timer is a bug (the default).</summary>
    Fail,

    /// <summary>Keep the instance running until the timers fire, as Durable Task does.</summary>
    KeepRunning,
}
