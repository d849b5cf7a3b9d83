using Microsoft.Extensions.Logging;

namespace ServerlessComplaints.Workflow.Lifecycle;

/// <summary>The orchestrator's log messages (written through Durable's replay-safe logger).</summary>
internal static partial class WorkflowLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Case {TrackingNumber}: {EventName} event for round {Round} dropped; the case waits for round {Expected}")]
    public static partial void StaleEventDropped(ILogger logger, string trackingNumber, string eventName, string? round, string expected);
}
