namespace ServerlessComplaints.Harness.Execution;

/// <summary>An activity call or a timer the orchestrator asked for, keyed by its task id.</summary>
internal sealed class ScheduledAction(int taskId, ScheduledActionKind kind, string name, string? inputJson, DateTime? fireAtUtc)
{
    public int TaskId { get; } = taskId;

    public ScheduledActionKind Kind { get; } = kind;

    public string Name { get; } = name;

    public string? InputJson { get; } = inputJson;

    public DateTime? FireAtUtc { get; } = fireAtUtc;

    /// <summary>True once the history holds its TaskScheduled / TimerCreated row.</summary>
    public bool InHistory { get; set; }

    public bool Fired { get; set; }

    public bool Cancelled { get; set; }

    public TaskCompletionSource<string?> Completion { get; } = new();

    public bool IsOpen => !Completion.Task.IsCompleted;

    public string Describe() => Kind == ScheduledActionKind.Timer ? $"timer #{TaskId} at {FireAtUtc:O}" : $"activity #{TaskId} '{Name}'";
}
