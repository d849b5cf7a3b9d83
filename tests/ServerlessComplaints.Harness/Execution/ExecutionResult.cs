using ServerlessComplaints.Harness.History;
using ServerlessComplaints.Workflow.Orchestration;

namespace ServerlessComplaints.Harness.Execution;

/// <summary>
/// The outcome of one episode: the history rows to append (the episode's new events, scheduled work and the
/// completion), the work to start, the timers to drop, and the instance's new state.
/// </summary>
public sealed record ExecutionResult(
    IReadOnlyList<HistoryEvent> NewHistory,
    IReadOnlyList<ActivityRequest> Activities,
    IReadOnlyList<TimerRequest> Timers,
    IReadOnlyList<int> CancelledTimers,
    WorkflowRuntimeStatus Status,
    string? CustomStatusJson,
    string? OutputJson,
    string? Failure);
