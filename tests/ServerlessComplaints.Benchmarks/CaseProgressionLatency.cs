using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using ServerlessComplaints.Durable;
using ServerlessComplaints.Durable.Core;
using ServerlessComplaints.Web.Mail;
using ServerlessComplaints.Workflow.Calendar;
using ServerlessComplaints.Workflow.Domain;
using ServerlessComplaints.Workflow.Intake;
using ServerlessComplaints.Workflow.Lifecycle;
using ServerlessComplaints.Workflow.Lifecycle.Events;
using ServerlessComplaints.Workflow.Notifications;
using ServerlessComplaints.Workflow.Orchestration;
using ServerlessComplaints.Workflow.Setup;

namespace ServerlessComplaints.Benchmarks;

/// <summary>
/// (g) Case progression on an idle engine: the staff's findings accepted (the event raised) → the customer's offer mail
/// recorded in the outbox. One case at a time, a pause before each action so the backend has backed off to its
/// longest polling interval, as on a quiet service. The outbox is in memory, watched every 2 ms (no storage reads).
/// </summary>
internal sealed class CaseProgressionLatency(string connectionString)
{
    public async Task<List<double>> RunAsync(DurableTaskOptions engine, int cases, CancellationToken cancellationToken)
    {
        var settings = new ComplaintCentreSettings { Workflow = new WorkflowSettings { FollowUpDelay = TimeSpan.FromMilliseconds(1) } };
        await using var services = new ServiceCollection().AddComplaintWorkflow(settings).AddInMemoryCaseStores().AddComplaintCentreMail().BuildServiceProvider();
        var outbox = (InMemoryNotificationOutbox)services.GetRequiredService<INotificationOutbox>();
        engine.TaskHubName = "progress" + Guid.NewGuid().ToString("N")[..10];
        await using var hub = new ComplaintTaskHub(connectionString, engine, services, NullLoggerFactory.Instance);
        await hub.StartAsync();
        try
        {
            var client = new TaskHubWorkflowClient(hub);
            var calendar = services.GetRequiredService<BusinessCalendar>();
            var intake = new CaseIntake(services.GetRequiredService<IntakeValidator>(), client, calendar, settings.Workflow, TimeProvider.System);
            var latencies = new List<double>();
            for (var i = 0; i <= cases; i++)
            {
                var id = TrackingNumber.New(DateTime.UtcNow, calendar.TimeZone);
                await intake.SubmitAsync(ComplaintSamples.Submission(i + 1), Channel.Web, trackingNumber: id, cancellationToken: cancellationToken);
                var status = await WaitForFindingsAsync(client, id, cancellationToken);
                // Idle: every queue backs off to the longest polling interval before the staff act.
                await Task.Delay(engine.MaxQueuePollingInterval * 3 + TimeSpan.FromSeconds(1), cancellationToken);
                var mails = outbox.NotificationIds.Count(n => n.StartsWith(id, StringComparison.Ordinal));
                await client.RaiseEventAsync(id, WorkflowEvents.Findings, ExpectedEvents.ForCurrentRound(status, WorkflowEvents.Findings,
                    new FindingsSubmitted("zhang.wei", "heating plate defect", ResponsibleParty.Company, "batch 2611", new Remedy(RemedyType.Exchange, null, "换新"))), cancellationToken);
                var accepted = Stopwatch.StartNew();
                while (outbox.NotificationIds.Count(n => n.StartsWith(id, StringComparison.Ordinal)) == mails && accepted.Elapsed < TimeSpan.FromSeconds(60))
                {
                    await Task.Delay(2, cancellationToken);
                }

                if (i > 0)
                {
                    // The first case warms the engine up (leases, first history reads): not counted.
                    latencies.Add(accepted.Elapsed.TotalMilliseconds);
                }
            }

            return latencies;
        }
        finally
        {
            await hub.DeleteAsync();
        }
    }

    private static async Task<string?> WaitForFindingsAsync(IWorkflowClient client, string id, CancellationToken cancellationToken)
    {
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(60))
        {
            var status = await client.GetStatusAsync(id, cancellationToken);
            if (status is not null && WorkflowJson.Deserialize<CaseStatus>(status.CustomStatusJson)?.Expecting?.Any(e => e.EventName == WorkflowEvents.Findings) == true)
            {
                return status.CustomStatusJson;
            }

            await Task.Delay(200, cancellationToken);
        }

        throw new CaseStuckException($"Case {id} never asked for findings");
    }
}
