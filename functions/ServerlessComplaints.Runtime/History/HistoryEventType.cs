namespace ServerlessComplaints.Runtime.History;

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
}
