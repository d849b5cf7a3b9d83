namespace ServerlessComplaints.Harness.History;

/// <summary>
/// One row of an instance's history. Flat on purpose: it maps to one table entity.
/// <see cref="TaskId"/> links TaskScheduled to TaskCompleted/TaskFailed and TimerCreated to TimerFired.
/// </summary>
public sealed record HistoryEvent(HistoryEventType Type, DateTime TimestampUtc)
{
    public int TaskId { get; init; } = -1;

    /// <summary>Activity, event or orchestration name.</summary>
    public string? Name { get; init; }

    /// <summary>JSON input, result or event payload.</summary>
    public string? Payload { get; init; }

    public DateTime? FireAtUtc { get; init; }

    public string? Failure { get; init; }

    public override string ToString() => Type switch
    {
        HistoryEventType.TaskScheduled or HistoryEventType.TaskCompleted or HistoryEventType.TaskFailed => $"{Type} #{TaskId} '{Name}'",
        HistoryEventType.TimerCreated => $"{Type} #{TaskId} at {FireAtUtc:O}",
        HistoryEventType.TimerFired => $"{Type} #{TaskId}",
        HistoryEventType.EventRaised or HistoryEventType.ExecutionStarted => $"{Type} '{Name}'",
        _ => Type.ToString(),
    };
}
