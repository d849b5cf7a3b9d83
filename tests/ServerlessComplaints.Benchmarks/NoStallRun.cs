using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ServerlessComplaints.Durable;
using ServerlessComplaints.Durable.Core;
using ServerlessComplaints.Web.Mail;
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
/// Issue 16 item 2, "no stall under load": a burst of cases through intake, findings and the customer's answer on the
/// ComplaintTaskHub with the service's settings, the backend's log events counted. A step that waits longer than the
/// control-queue visibility timeout longer than the run's median step is the stall's signature (a message that waited out
/// its visibility): it is counted as late. Every case must reach the stage after the customer's answer.
/// </summary>
internal sealed class NoStallRun(string connectionString, DurableTaskOptions engine)
{
    private static readonly TimeSpan MaxWait = TimeSpan.FromMinutes(10);

    /// <summary>
    /// <paramref name="cases"/> cases, the i-th submitted at i / <paramref name="rate"/> seconds (a steady arrival; all at
    /// once when the rate is 0), at most <paramref name="clients"/> submissions at a time.
    /// </summary>
    public async Task<NoStallFigures> RunAsync(int cases, int clients, double rate, CancellationToken cancellationToken)
    {
        var settings = new ComplaintCentreSettings { Workflow = new WorkflowSettings { FollowUpDelay = TimeSpan.FromMilliseconds(1) } };
        await using var services = new ServiceCollection().AddComplaintWorkflow(settings).AddInMemoryCaseStores().AddComplaintCentreMail().BuildServiceProvider();
        var log = new EngineLogCounter();
        using var loggers = LoggerFactory.Create(b => b.AddProvider(log).SetMinimumLevel(LogLevel.Information));
        var options = engine;
        options.TaskHubName = "stall" + Guid.NewGuid().ToString("N")[..10];
        await using var hub = new ComplaintTaskHub(connectionString, options, services, loggers);
        await hub.StartAsync();
        try
        {
            var client = new TaskHubWorkflowClient(hub);
            var calendar = services.GetRequiredService<BusinessCalendar>();
            var intake = new CaseIntake(services.GetRequiredService<IntakeValidator>(), client, calendar, settings.Workflow, TimeProvider.System);
            var store = services.GetRequiredService<IComplaintStore>();
            await DriveAsync(intake, client, store, NewIds(calendar, 1)[0], 0, new ConcurrentBag<double>(), cancellationToken);

            var steps = new ConcurrentBag<double>();
            var completions = new ConcurrentBag<double>();
            var stuck = 0;
            var watch = Stopwatch.StartNew();
            var started = 0;
            using var gate = new SemaphoreSlim(clients);
            using var progressStop = new CancellationTokenSource();
            // A line every 30 s: a run of 1,000 takes many minutes, and an interrupted one still says how far it got.
            var progress = Task.Run(async () =>
            {
                while (!progressStop.IsCancellationRequested)
                {
                    await Task.Delay(TimeSpan.FromSeconds(30), progressStop.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                    Console.WriteLine($"    … {watch.Elapsed.TotalSeconds:0} s: {Volatile.Read(ref started)} submitted, {completions.Count} finished, {Volatile.Read(ref stuck)} stuck, "
                        + $"step p50 {(steps.IsEmpty ? 0 : Measurements.Median(steps)):0.0} s / max {(steps.IsEmpty ? 0 : steps.Max()):0.0} s, MessageGone {log.Count("MessageGone")}");
                }
            });
            await Task.WhenAll(NewIds(calendar, cases).Select(async (id, i) =>
            {
                try
                {
                    if (rate > 0 && TimeSpan.FromSeconds(i / rate) - watch.Elapsed is { Ticks: > 0 } wait)
                    {
                        await Task.Delay(wait, cancellationToken);
                    }

                    var startedAt = watch.Elapsed;
                    Interlocked.Increment(ref started);
                    await DriveAsync(intake, client, store, id, i, steps, cancellationToken, gate);
                    completions.Add((watch.Elapsed - startedAt).TotalSeconds);
                }
                catch (CaseStuckException e)
                {
                    Interlocked.Increment(ref stuck);
                    await Console.Error.WriteLineAsync(e.Message);
                }
            }));
            await progressStop.CancelAsync();
            await progress;
            // Late: a step that waited the visibility timeout longer than the run's typical step (the backlog of a burst
            // makes every step wait; a message that waited out its visibility adds the timeout on top).
            var limit = Measurements.Median(steps) + options.ControlQueueVisibilityTimeout.TotalSeconds;
            return new NoStallFigures(cases, rate, completions.Count, stuck, watch.Elapsed, [.. completions], [.. steps], steps.Count(s => s > limit), log);
        }
        finally
        {
            await hub.DeleteAsync();
        }
    }

    private static List<string> NewIds(BusinessCalendar calendar, int count)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        while (ids.Count < count)
        {
            ids.Add(TrackingNumber.New(DateTime.UtcNow, calendar.TimeZone));
        }

        return [.. ids];
    }

    /// <summary>Intake (through <paramref name="intakeGate"/>: the clients), findings, the customer's yes, then the execution stage reached.</summary>
    private static async Task DriveAsync(CaseIntake intake, IWorkflowClient client, IComplaintStore store, string id, int index, ConcurrentBag<double> steps, CancellationToken cancellationToken, SemaphoreSlim? intakeGate = null)
    {
        if (intakeGate is not null)
        {
            await intakeGate.WaitAsync(cancellationToken);
        }

        try
        {
            if (!(await intake.SubmitAsync(ComplaintSamples.Submission(index + 1), Channel.Web, trackingNumber: id, cancellationToken: cancellationToken)).Accepted)
            {
                throw new InvalidOperationException("The sample complaint was rejected by intake.");
            }
        }
        finally
        {
            intakeGate?.Release();
        }

        var step = Stopwatch.StartNew();
        var status = await CaseWatcher.WaitForEventAsync(client, store, id, WorkflowEvents.Findings, CaseStage.Investigation, MaxWait, cancellationToken);
        steps.Add(step.Elapsed.TotalSeconds);
        await client.RaiseEventAsync(id, WorkflowEvents.Findings, ExpectedEvents.ForCurrentRound(status, WorkflowEvents.Findings,
            new FindingsSubmitted("zhang.wei", "heating plate defect", ResponsibleParty.Company, "batch 2611", new Remedy(RemedyType.Exchange, null, "换新"))), cancellationToken);
        step.Restart();
        status = await CaseWatcher.WaitForEventAsync(client, store, id, WorkflowEvents.CustomerResponse, CaseStage.Resolution, MaxWait, cancellationToken);
        steps.Add(step.Elapsed.TotalSeconds);
        await client.RaiseEventAsync(id, WorkflowEvents.CustomerResponse, ExpectedEvents.ForCurrentRound(status, WorkflowEvents.CustomerResponse, new OfferResponse(true)), cancellationToken);
        step.Restart();
        await CaseWatcher.WaitForEventAsync(client, store, id, WorkflowEvents.Execution, CaseStage.Execution, MaxWait, cancellationToken);
        steps.Add(step.Elapsed.TotalSeconds);
    }
}

/// <summary>What a no-stall run measured: completion times (s), step waits (s), late steps and the engine's log events.</summary>
internal sealed record NoStallFigures(int Cases, double Rate, int Completed, int Stuck, TimeSpan Elapsed, IReadOnlyList<double> Completions, IReadOnlyList<double> Steps, int LateSteps, EngineLogCounter Log)
{
    /// <summary>Prints the run under <paramref name="title"/> and, when <paramref name="target"/>, its target.</summary>
    public void Print(ReportWriter report, string title, DurableTaskOptions engine, bool target)
    {
        report.Section(title);
        report.Note($"{Cases} cases, {(Rate > 0 ? $"{ReportWriter.Number(Rate, 2)} new a second" : "all at once")}; engine: {engine.PartitionCount} partitions, control queue {engine.ControlQueueBatchSize} a poll / {engine.ControlQueueBufferThreshold} held, {engine.MaxConcurrentOrchestrations} orchestrations / {engine.MaxConcurrentActivities} activities at once, "
            + $"control-queue visibility {engine.ControlQueueVisibilityTimeout.TotalSeconds:0} s, work-item visibility {engine.WorkItemQueueVisibilityTimeout.TotalSeconds:0} s, max polling {engine.MaxQueuePollingInterval.TotalMilliseconds:0} ms, "
            + (engine.ExtendedSessions ? $"extended sessions ({engine.ExtendedSessionIdleTimeout.TotalSeconds:0} s idle)" : "no extended sessions"));
        report.Figure("cases that reached the execution stage", $"{Completed} of {Cases}", $"{Stuck} stuck; {ReportWriter.Number(Elapsed.TotalSeconds, 0)} s in all");
        report.Figure("case time p50 / p90 / p99 / max", string.Join(" / ", new[] { 50, 90, 99, 100 }.Select(p => ReportWriter.Number(Measurements.Percentile(Completions, p), 1))) + " s",
            "intake → findings → customer's yes → execution stage");
        report.Figure("step wait p50 / p99 / max", string.Join(" / ", new[] { 50, 99, 100 }.Select(p => ReportWriter.Number(Measurements.Percentile(Steps, p), 1))) + " s",
            $"{LateSteps} steps late (over the median step + the control-queue visibility, {engine.ControlQueueVisibilityTimeout.TotalSeconds:0} s)");
        string[] names = ["MessageGone", "DuplicateMessageDetected", "AbandoningMessage", "ReceivedOutOfOrderMessage", "PendingOrchestratorMessageLimitReached", "MessageFailure", "OrchestrationProcessingFailure", "DiscardingWorkItem", "PoisonMessageDetected"];
        report.Figure("backend log events", string.Join(", ", names.Select(n => $"{n} {Log.Count(n)}")));
        var file = Path.Combine(Path.GetTempPath(), $"no-stall-{DateTime.UtcNow:yyyyMMdd-HHmmss}.log");
        File.WriteAllLines(file, Log.Warnings);
        report.Note($"every backend warning: {file}");
        foreach (var sample in Log.Samples.Where(s => !s.Contains("PartitionManagerWarning", StringComparison.Ordinal)).Take(6))
        {
            report.Note(sample.Length > 400 ? sample[..400] + "…" : sample);
        }

        if (target)
        {
            report.Target("1,000-case run: every case finishes, no step waits out the visibility", $"{Completed}/{Cases} finished, {LateSteps} late, {Log.Count("MessageGone")} MessageGone",
                Completed == Cases && LateSteps == 0);
        }
    }
}
