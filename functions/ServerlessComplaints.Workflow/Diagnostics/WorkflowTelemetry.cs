using System.Diagnostics;
using System.Diagnostics.Metrics;
using ServerlessComplaints.Workflow.Domain;
using ServerlessComplaints.Workflow.Localization;

namespace ServerlessComplaints.Workflow.Diagnostics;

/// <summary>
/// The workflow's own spans and metrics, written once: the ActivitySource and Meter "ServerlessComplaints" that both
/// hosts listen to. Attributes name a case by its tracking number only — never a token, an email address or a phone
/// number. Every instrument is counted where the thing happens exactly once (an activity's first run, not a replay).
/// </summary>
public static class WorkflowTelemetry
{
    /// <summary>The name of the ActivitySource and of the Meter.</summary>
    public const string Name = "ServerlessComplaints";

    /// <summary>Attribute keys: the tracking number and the low-cardinality dimensions of the metrics.</summary>
    public static class Attributes
    {
        public const string TrackingNumber = "complaint.tracking_number";
        public const string Kind = "complaint.kind";
        public const string Channel = "complaint.channel";
        public const string Action = "complaint.action";
        public const string Activity = "complaint.activity";
        public const string EscalationLevel = "complaint.escalation_level";
    }

    /// <summary>Spans of the workflow's own steps (intake accepted, staff action accepted).</summary>
    public static ActivitySource Source { get; } = new(Name);

    /// <summary>The workflow's metrics.</summary>
    public static Meter Meter { get; } = new(Name);

    private static readonly Counter<long> Received = Meter.CreateCounter<long>(
        "complaints.cases.received", "{case}", "Cases accepted at intake, by kind and channel.");

    private static readonly Counter<long> Reminders = Meter.CreateCounter<long>(
        "complaints.sla.reminders", "{reminder}", "SLA reminders recorded (50 % and 80 % of a deadline by default).");

    private static readonly Counter<long> Escalations = Meter.CreateCounter<long>(
        "complaints.sla.escalations", "{escalation}", "SLA escalations recorded, by level (1: department manager, 2: complaint-centre head).");

    private static readonly Counter<long> Breaches = Meter.CreateCounter<long>(
        "complaints.sla.breaches", "{breach}", "Deadlines passed without the awaited answer (the first escalation of a wait).");

    private static readonly Counter<long> ActivityFailures = Meter.CreateCounter<long>(
        "complaints.activities.failed", "{failure}", "Activity attempts that threw, by activity (a retried attempt counts each time).");

    private static readonly Histogram<double> QueueLatency = Meter.CreateHistogram(
        "complaints.queue.latency", "s",
        "From intake accepted (the orchestration's start message enqueued) to the case's first activity running: the engine's control-queue and work-item-queue hops plus the first orchestration episode.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300] });

    /// <summary>Starts the span of an accepted intake (the orchestration start becomes its child).</summary>
    public static Activity? StartIntake(string trackingNumber, Channel channel) =>
        Source.StartActivity("complaint.intake")?
            .SetTag(Attributes.TrackingNumber, trackingNumber)
            .SetTag(Attributes.Channel, WireNames.Of(channel));

    /// <summary>Starts the span of a staff or action-link action on a case.</summary>
    public static Activity? StartAction(string trackingNumber, string action) =>
        Source.StartActivity("complaint.action")?
            .SetTag(Attributes.TrackingNumber, trackingNumber)
            .SetTag(Attributes.Action, action);

    public static void CaseReceived(ComplaintKind kind, Channel channel) =>
        Received.Add(1, new(Attributes.Kind, WireNames.Of(kind)), new(Attributes.Channel, WireNames.Of(channel)));

    public static void ReminderRecorded() => Reminders.Add(1);

    public static void EscalationRecorded(int level)
    {
        Escalations.Add(1, new KeyValuePair<string, object?>(Attributes.EscalationLevel, level));
        if (level == 1)
        {
            Breaches.Add(1);
        }
    }

    public static void ActivityFailed(string activityName) =>
        ActivityFailures.Add(1, new KeyValuePair<string, object?>(Attributes.Activity, activityName));

    public static void CaseStarted(TimeSpan sinceAccepted)
    {
        if (sinceAccepted >= TimeSpan.Zero)
        {
            QueueLatency.Record(sinceAccepted.TotalSeconds);
        }
    }
}
