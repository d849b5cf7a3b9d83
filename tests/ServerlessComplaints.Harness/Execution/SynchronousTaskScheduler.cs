namespace ServerlessComplaints.Harness.Execution;

/// <summary>
/// Runs every task inline on the replaying thread, as Durable Task's executor does: completing a durable task
/// advances the orchestrator synchronously to its next await, so replay is single-threaded and ordered.
/// </summary>
internal sealed class SynchronousTaskScheduler : TaskScheduler
{
    private bool _closed;

    /// <summary>Set when code tried to continue after the episode ended (Task.Run, Task.Delay, I/O).</summary>
    public bool ContinuationAfterClose { get; private set; }

    public void Close() => _closed = true;

    protected override void QueueTask(Task task)
    {
        if (_closed)
        {
            // A continuation arriving from another thread after the episode: never run orchestrator code off-replay.
            ContinuationAfterClose = true;
            return;
        }

        TryExecuteTask(task);
    }

    protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) => !_closed && TryExecuteTask(task);

    protected override IEnumerable<Task>? GetScheduledTasks() => [];
}
