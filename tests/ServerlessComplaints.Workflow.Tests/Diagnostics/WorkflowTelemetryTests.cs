using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using ServerlessComplaints.Workflow.Activities;
using ServerlessComplaints.Workflow.Cases;
using ServerlessComplaints.Workflow.Diagnostics;
using ServerlessComplaints.Workflow.Domain;
using ServerlessComplaints.Workflow.Setup;

namespace ServerlessComplaints.Workflow.Tests.Diagnostics;

/// <summary>The SLA metrics, counted by RecordProgress once per timeline entry: a retried activity adds nothing.</summary>
public sealed class WorkflowTelemetryTests
{
    // Other tests run activities in parallel on the same static Meter: count only this test's own calls.
    private static readonly AsyncLocal<bool> Mine = new();

    [Fact]
    public async Task RecordProgress_ReminderRecordedTwice_CountedOnce()
    {
        Mine.Value = true; // here, not in StartAsync: a value set inside an awaited method does not flow back
        var (activity, counts) = await StartAsync();
        using var listening = counts;
        var reminder = Progress("001-reminder", TimelineCodes.ReminderSent, null);

        await activity.RunAsync(reminder, default);
        await activity.RunAsync(reminder, default);

        Assert.Equal(1, counts.Sum("complaints.sla.reminders"));
        Assert.Equal(0, counts.Sum("complaints.sla.escalations"));
    }

    [Fact]
    public async Task RecordProgress_EscalationToManagerThenCentreHead_TwoEscalationsOneBreach()
    {
        Mine.Value = true; // here, not in StartAsync: a value set inside an awaited method does not flow back
        var (activity, counts) = await StartAsync();
        using var listening = counts;

        await activity.RunAsync(Progress("002-escalated", TimelineCodes.Escalated, "manager"), default);
        await activity.RunAsync(Progress("003-escalated", TimelineCodes.Escalated, "centre-head"), default);
        await activity.RunAsync(Progress("003-escalated", TimelineCodes.Escalated, "centre-head"), default);

        Assert.Equal(2, counts.Sum("complaints.sla.escalations"));
        Assert.Equal(1, counts.Sum("complaints.sla.escalations", ("complaint.escalation_level", 2)));
        Assert.Equal(1, counts.Sum("complaints.sla.breaches"));
        Assert.Equal(0, counts.Sum("complaints.sla.reminders"));
    }

    private const string TrackingNumber = "CMP-20261123-ABCDEF";

    private static CaseProgress Progress(string entry, string code, string? role) =>
        new(TrackingNumber, $"{TrackingNumber}-{entry}", new DateTime(2026, 11, 24, 2, 0, 0, DateTimeKind.Utc), "system", code, IsPublic: false)
        {
            Parameters = role is null ? null : new Dictionary<string, string> { [TimelineParameters.Role] = role },
        };

    private static async Task<(RecordProgress Activity, Counts Counts)> StartAsync()
    {
        var services = new ServiceCollection().AddComplaintWorkflow(new ComplaintCentreSettings()).AddInMemoryCaseStores().BuildServiceProvider();
        var details = new ComplaintDetails(TrackingNumber, ComplaintKind.Complaint, Category.Delivery, Channel.Web, "Parcel never arrived", "Ordered on the 1st.",
            new Customer("Li Ming", "li.ming@example.com", null), "en", new DateTime(2026, 11, 23, 2, 0, 0, DateTimeKind.Utc));
        await services.GetRequiredService<IComplaintStore>().TryAddAsync(new ComplaintRecord(details), default);
        return (ActivatorUtilities.CreateInstance<RecordProgress>(services), new Counts());
    }

    /// <summary>The long measurements of the workflow's Meter made on this test's async flow.</summary>
    private sealed class Counts : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly List<(string Name, long Value, KeyValuePair<string, object?>[] Tags)> _measurements = [];

        public Counts()
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == WorkflowTelemetry.Name)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
            {
                if (Mine.Value)
                {
                    lock (_measurements)
                    {
                        _measurements.Add((instrument.Name, value, tags.ToArray()));
                    }
                }
            });
            _listener.Start();
        }

        public long Sum(string name, params (string Key, object Value)[] tags)
        {
            lock (_measurements)
            {
                return _measurements.Where(m => m.Name == name && tags.All(t => m.Tags.Any(mt => mt.Key == t.Key && Equals(mt.Value, t.Value)))).Sum(m => m.Value);
            }
        }

        public void Dispose() => _listener.Dispose();
    }
}
