namespace ServerlessComplaints.Harness.History;

/// <summary>The kinds of history event, with Durable Task's meanings.</summary>
public enum HistoryEventType
{
    OrchestratorStarted,
    ExecutionStarted,
    TaskScheduled,
    TaskCompleted,
    TaskFailed,
    TimerCreated,
    TimerFired,
    EventRaised,
    ExecutionCompleted,
    ExecutionFailed,
    ExecutionTerminated,

    /// <summary>A failed instance was rewound: its ExecutionFailed is void and the failure of <see cref="HistoryEvent.TaskId"/> (if set) is retried.</summary>
    ExecutionRewound,
}
