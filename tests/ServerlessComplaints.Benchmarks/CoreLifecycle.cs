using ServerlessComplaints.Web.Mail;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ServerlessComplaints.Durable;
using ServerlessComplaints.Durable.Core;
using ServerlessComplaints.Workflow.Calendar;
using ServerlessComplaints.Workflow.Cases;
using ServerlessComplaints.Workflow.Domain;
using ServerlessComplaints.Workflow.Intake;
using ServerlessComplaints.Workflow.Lifecycle;
using ServerlessComplaints.Workflow.Lifecycle.Events;
using ServerlessComplaints.Workflow.Orchestration;
using ServerlessComplaints.Workflow.Setup;

namespace ServerlessComplaints.Benchmarks;

/// <summary>
/// The complaint happy path on the DurableTask.Core engine (ComplaintTaskHub: the
/// Azure Storage backend on Azurite, the service's default settings), case stores in memory, real clock. Each case is
/// driven by a task of its own that polls its status (outside the storage count) until the next event is expected.
/// </summary>
internal sealed class CoreLifecycle(string connectionString, StorageRequestMeter meter)
{
    private static readonly TimeSpan MaxWait = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Starts a task hub on <paramref name="nodes"/> workers (each its own ComplaintTaskHub and worker id, as separate
    /// processes would be), waits until a first case has run and every node owns a partition, runs the cases, deletes
    /// the hub.
    /// </summary>
    /// <param name="traceBackend">Keeps every backend event of every node; a stuck case's are written to a file named in its message.</param>
    public async Task<EngineRun> RunAsync(int cases, CancellationToken cancellationToken, int nodes = 1, bool traceBackend = false)
    {
        var activities = 0;
        var settings = new ComplaintCentreSettings { Workflow = new WorkflowSettings { FollowUpDelay = TimeSpan.FromMilliseconds(1) } };
        var collection = new ServiceCollection().AddComplaintWorkflow(settings).AddInMemoryCaseStores().AddComplaintCentreMail();
        foreach (var type in ComplaintTasks.Activities.Values)
        {
            // The shim resolves each activity class from here per call: the count of activities run.
            collection.AddTransient(type, sp =>
            {
                Interlocked.Increment(ref activities);
                return ActivatorUtilities.CreateInstance(sp, type);
            });
        }

        await using var services = collection.BuildServiceProvider();
        _store = services.GetRequiredService<IComplaintStore>();
        var hubName = "bench" + Guid.NewGuid().ToString("N")[..10];
        var hubs = new List<ComplaintTaskHub>();
        var logs = new List<EngineLogCounter>();
        var loggerFactories = new List<ILoggerFactory>();
        for (var node = 0; node < nodes; node++)
        {
            var options = new DurableTaskOptions { TaskHubName = hubName, WorkerId = nodes == 1 ? null : $"bench-node-{node}" };
            ILoggerFactory loggers = NullLoggerFactory.Instance;
            if (traceBackend)
            {
                logs.Add(new EngineLogCounter(keepAll: true, node: $"node{node}"));
                loggers = LoggerFactory.Create(b => b.AddProvider(logs[^1]).SetMinimumLevel(LogLevel.Information));
                loggerFactories.Add(loggers);
            }

            hubs.Add(new ComplaintTaskHub(connectionString, options, services, loggers));
            await hubs[^1].StartAsync();
        }

        _stuckTrace = traceBackend ? id => WriteTrace(id, logs) : null;

        var hub = hubs[0];
        try
        {
            var client = new TaskHubWorkflowClient(hub);
            var intake = new CaseIntake(services.GetRequiredService<IntakeValidator>(), client, services.GetRequiredService<BusinessCalendar>(), settings.Workflow, TimeProvider.System);
            var calendar = services.GetRequiredService<BusinessCalendar>();

            // Warm-up: partition leases acquired (shared out between the nodes), queues polled; not measured.
            await RunCasesAsync(intake, client, calendar, 1, cancellationToken);
            var owners = await WaitForOwnersAsync(hubName, nodes, cancellationToken);
            Interlocked.Exchange(ref activities, 0);

            var before = meter.Snapshot();
            var watch = Stopwatch.StartNew();
            var resolved = await RunCasesAsync(intake, client, calendar, cases, cancellationToken);
            watch.Stop();
            var after = meter.Snapshot();
            return new EngineRun(cases, resolved, activities, watch.Elapsed, after.Reads - before.Reads, after.Writes - before.Writes) { Owners = owners };
        }
        finally
        {
            foreach (var other in hubs.Skip(1))
            {
                await other.DisposeAsync();
            }

            await hub.DeleteAsync();
            await hub.DisposeAsync();
            foreach (var loggers in loggerFactories)
            {
                loggers.Dispose();
            }
        }
    }

    private Func<string, string>? _stuckTrace;

    /// <summary>The case records the activities write (in memory): what the drivers watch.</summary>
    private IComplaintStore? _store;

    /// <summary>Every node's backend events for one instance, and the partition moves, into a file; its path.</summary>
    private static string WriteTrace(string instanceId, List<EngineLogCounter> logs)
    {
        var file = Path.Combine(Path.GetTempPath(), $"stuck-{instanceId}.log");
        File.WriteAllLines(file, logs.SelectMany(l => l.LinesWith(instanceId).Concat(l.LinesWith("Partition"))).Order(StringComparer.Ordinal));
        return file;
    }

    /// <summary>Partitions per owner from the hub's Partitions table, once <paramref name="nodes"/> owners hold leases (at most 90 s).</summary>
    private async Task<string> WaitForOwnersAsync(string hubName, int nodes, CancellationToken cancellationToken)
    {
        var table = new Azure.Data.Tables.TableClient(connectionString, hubName + "Partitions");
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var owners = new List<string>();
            await foreach (var row in table.QueryAsync<Azure.Data.Tables.TableEntity>(cancellationToken: cancellationToken))
            {
                if (row.GetString("CurrentOwner") is { Length: > 0 } owner && row.GetDateTimeOffset("ExpiresAt") > DateTimeOffset.UtcNow)
                {
                    owners.Add(owner);
                }
            }

            if (owners.Distinct().Count() >= nodes || waited.Elapsed > TimeSpan.FromSeconds(90))
            {
                return string.Join(", ", owners.GroupBy(o => o).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Count()}"));
            }

            await Task.Delay(1000, cancellationToken);
        }
    }

    private async Task<int> RunCasesAsync(CaseIntake intake, IWorkflowClient client, BusinessCalendar calendar, int count, CancellationToken cancellationToken)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        while (ids.Count < count)
        {
            ids.Add(TrackingNumber.New(DateTime.UtcNow, calendar.TimeZone));
        }

        var outcomes = await Task.WhenAll(ids.Select((id, i) => RunCaseAsync(intake, client, id, i, cancellationToken)));
        return outcomes.Count(resolved => resolved);
    }

    private async Task<bool> RunCaseAsync(CaseIntake intake, IWorkflowClient client, string id, int index, CancellationToken cancellationToken)
    {
        try
        {
            return await DriveCaseAsync(intake, client, id, index, cancellationToken);
        }
        catch (CaseStuckException e)
        {
            await Console.Error.WriteLineAsync(e.Message + (_stuckTrace is { } trace ? $" (backend events: {trace(id)})" : ""));
            return false;
        }
    }

    private async Task<bool> DriveCaseAsync(CaseIntake intake, IWorkflowClient client, string id, int index, CancellationToken cancellationToken)
    {
        var store = _store!;
        if (!(await intake.SubmitAsync(ComplaintSamples.Submission(index + 1), Channel.Web, trackingNumber: id, cancellationToken: cancellationToken)).Accepted)
        {
            throw new InvalidOperationException("The sample complaint was rejected by intake.");
        }

        await RaiseWhenExpectedAsync(client, store, id, WorkflowEvents.Findings, CaseStage.Investigation, new FindingsSubmitted("zhang.wei", "heating plate defect", ResponsibleParty.Company, "batch 2611", new Remedy(RemedyType.Exchange, null, "换新")), cancellationToken);
        await RaiseWhenExpectedAsync(client, store, id, WorkflowEvents.CustomerResponse, CaseStage.Resolution, new OfferResponse(true), cancellationToken);
        await RaiseWhenExpectedAsync(client, store, id, WorkflowEvents.Execution, CaseStage.Execution, new ExecutionConfirmed("zhang.wei", "EX-1"), cancellationToken);
        await RaiseWhenExpectedAsync(client, store, id, WorkflowEvents.Survey, CaseStage.FollowUp, new SurveyAnswered(5, "很满意"), cancellationToken);
        var end = await CaseWatcher.WaitAsync(client, store, id, CaseStage.Archived, s => s.RuntimeStatus is WorkflowRuntimeStatus.Completed or WorkflowRuntimeStatus.Failed or WorkflowRuntimeStatus.Terminated, MaxWait, cancellationToken);
        return end.RuntimeStatus == WorkflowRuntimeStatus.Completed && WorkflowJson.Deserialize<WorkflowOutcome>(end.OutputJson)?.Outcome == CaseOutcome.Resolved;
    }

    private static async Task RaiseWhenExpectedAsync(IWorkflowClient client, IComplaintStore store, string id, string eventName, CaseStage stage, object payload, CancellationToken cancellationToken)
    {
        var status = await CaseWatcher.WaitForEventAsync(client, store, id, eventName, stage, MaxWait, cancellationToken);
        await client.RaiseEventAsync(id, eventName, ExpectedEvents.ForCurrentRound(status, eventName, payload), cancellationToken);
    }
}

/// <summary>A case that failed or did not move for <c>MaxWait</c>.</summary>
internal sealed class CaseStuckException(string message) : Exception(message);

/// <summary>One lifecycle run on either engine: cases, how many resolved, activities run, time, storage requests.</summary>
internal sealed record EngineRun(int Cases, int Resolved, int Activities, TimeSpan Elapsed, long Reads, long Writes)
{
    /// <summary>Partitions held by each node when the measured cases started (e.g. "2, 2").</summary>
    public string Owners { get; init; } = "";

    public double CasesPerSecond => Cases / Elapsed.TotalSeconds;

    public double ActivitiesPerSecond => Activities / Elapsed.TotalSeconds;

    public double RequestsPerActivity => (Reads + Writes) / (double)Activities;
}
