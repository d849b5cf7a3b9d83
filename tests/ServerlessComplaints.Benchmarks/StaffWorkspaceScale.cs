using System.Diagnostics;
using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using ServerlessComplaints.Workflow.Assessment;
using ServerlessComplaints.Workflow.AzureStorage;
using ServerlessComplaints.Workflow.Calendar;
using ServerlessComplaints.Workflow.Evidence;
using ServerlessComplaints.Workflow.Workspace;

namespace ServerlessComplaints.Benchmarks;

/// <summary>
/// (d) The staff workspace at a real centre's scale: open cases seeded through <see cref="TableComplaintStore"/> (so
/// the projections are written as in production), then the queue's first page for each scope, searches and the case
/// page, each timed over many runs. Entities read is the pass criterion (Azurite scans whole tables, so its
/// milliseconds say more about Azurite than about the design): counted on the wire by <see cref="TableEntityCounter"/>.
/// </summary>
internal sealed class StaffWorkspaceScale(string connectionString, BenchmarkOptions options)
{
    private const int SeedChunk = 1_000;
    private const int TimelineEntries = 200;
    private const int Warmups = 3;
    private const int ExportMax = 10_000;
    private const int ExportRuns = 3;

    public async Task RunAsync(ReportWriter report, CancellationToken cancellationToken)
    {
        var prefix = "ws" + Guid.NewGuid().ToString("N")[..8];
        var cases = options.StaffCases;
        var now = DateTime.UtcNow;
        var calendar = BusinessCalendar.LoadRegion("CN");

        // Seeding goes through a client of its own, so only the measured queries are counted.
        var seedTables = new TableServiceClient(connectionString);
        var seedStore = new TableComplaintStore(seedTables, prefix);
        await seedStore.EnsureCreatedAsync(cancellationToken);
        var records = Enumerable.Range(0, cases).Select(i => StaffWorkspaceSeed.Case(i, cases, now)).ToArray();
        var seeding = Stopwatch.StartNew();
        foreach (var chunk in records.Chunk(SeedChunk))
        {
            await seedStore.AddManyAsync(chunk, cancellationToken);

            // Progress on stderr: seeding takes minutes on a busy machine.
            await Console.Error.WriteLineAsync($"seeded {ReportWriter.Number(Array.IndexOf(records, chunk[^1]) + 1)} cases in {ReportWriter.Number(seeding.Elapsed.TotalSeconds)} s");
        }

        seeding.Stop();

        // One more case the way an activity adds it, one at a time: its cost is part of the picture.
        var single = StaffWorkspaceSeed.Case(cases, cases + 1, now);
        var adding = Stopwatch.StartNew();
        await seedStore.TryAddAsync(single, cancellationToken);
        adding.Stop();

        var detail = records[StaffWorkspaceSeed.DetailIndex(cases)];
        var timelineStore = new TableTimelineStore(seedTables, prefix);
        await timelineStore.EnsureCreatedAsync(cancellationToken);
        await Parallel.ForEachAsync(Enumerable.Range(0, TimelineEntries), cancellationToken,
            async (i, ct) => await timelineStore.AppendAsync(StaffWorkspaceSeed.Entry(detail.TrackingNumber, i, detail.Details.ReceivedAtUtc), ct));
        var container = prefix + "evidence";
        var seedEvidence = new BlobEvidenceStore(new BlobServiceClient(connectionString), container);
        await seedEvidence.EnsureCreatedAsync(cancellationToken);
        for (var i = 0; i < 3; i++)
        {
            await seedEvidence.SaveAsync(detail.TrackingNumber, $"photo-{i}.png", "image/png", new byte[2048], cancellationToken);
        }

        // The measured side: its own counted clients over the same tables, as a host would have after a restart.
        var counter = new TableEntityCounter();
        var tableOptions = new TableClientOptions();
        tableOptions.AddPolicy(counter, HttpPipelinePosition.PerCall);
        var tables = new TableServiceClient(connectionString, tableOptions);
        var store = new TableComplaintStore(tables, prefix);
        var queue = new TableStaffQueue(store, calendar, TimeProvider.System);
        var timeline = new TableTimelineStore(tables, prefix);
        var evidence = new BlobEvidenceStore(new BlobServiceClient(connectionString), container);

        report.Section($"(d) Staff workspace: {ReportWriter.Number(cases)} open cases on Azurite, seeded through the store with projections; {options.QueueRuns} timed runs per query after {Warmups} warm-ups");
        report.Figure("seeding (records, customer index, projections)", ReportWriter.Number(seeding.Elapsed.TotalSeconds, 1) + " s",
            $"{ReportWriter.Number(cases / seeding.Elapsed.TotalSeconds)} cases/s: TableComplaintStore.AddManyAsync, {ReportWriter.Number(SeedChunk)} at a time");
        var postings = records.Sum(r => SearchTerms.Of(r).Count);
        report.Figure("rows written", ReportWriter.Number(cases * (1 + 2 + 9 + 1) + postings) + " entities",
            $"per case 1 record, 2 customer index, 9 queue, 1 state, {ReportWriter.Number((double)postings / cases, 1)} search postings on average");
        report.Figure("one more case through TryAddAsync", ReportWriter.Number(adding.Elapsed.TotalMilliseconds) + " ms", "record, index, queue rows, postings, state: as an activity writes it");
        report.Note("entities = rows Azure Tables returned (query rows + point reads found), counted from the responses; the queue's own count in brackets");

        var staff = StaffWorkspaceSeed.Staff(1, 3);
        var supervisor = StaffWorkspaceSeed.Supervisor(1);
        var manager = StaffWorkspaceSeed.Manager;
        var queries = new (string Label, StaffMember Viewer, StaffQueueRequest Request, int Target)[]
        {
            ("queue: mine, first page (25, due order)", staff, new StaffQueueRequest(), 300),
            ("queue: department, first page", supervisor, new StaffQueueRequest(QueueScope.Department), 300),
            ("queue: all, first page", manager, new StaffQueueRequest(QueueScope.All), 300),
            ("queue: all, overdue, escalation order", manager, new StaffQueueRequest(QueueScope.All, OverdueOnly: true, Sort: QueueSort.Escalation), 300),
            ($"search: all, \"{StaffWorkspaceSeed.ChineseQuery}\" (due order)", manager, new StaffQueueRequest(QueueScope.All, Search: StaffWorkspaceSeed.ChineseQuery), 300),
            ($"search: all, \"{StaffWorkspaceSeed.ChineseQuery}\" (newest first)", manager, new StaffQueueRequest(QueueScope.All, Search: StaffWorkspaceSeed.ChineseQuery, Sort: QueueSort.Received), 300),
            ("search: all, an email", manager, new StaffQueueRequest(QueueScope.All, Search: StaffWorkspaceSeed.RepeatEmail), 300),
        };

        foreach (var (label, viewer, request, target) in queries)
        {
            StaffQueuePage? last = null;
            var measured = await MeasureAsync(counter, async ct => last = await queue.ListAsync(viewer, request, ct), cancellationToken);
            Print(report, label, measured, $"{last!.Rows.Count} rows, more: {(last.HasMore ? "yes" : "no")} ({last.EntitiesRead})", target);
        }

        // The queue export (/staff/exports/queue): the whole all-scope listing in one pass against the pages of 1,000
        // one after another it used to ask for (each page read every earlier page's rows again).
        var exportRows = 0;
        var onePass = await MeasureAsync(counter, async ct =>
        {
            exportRows = 0;
            await foreach (var _ in queue.ListAllAsync(manager, new StaffQueueRequest(QueueScope.All), ExportMax, ct))
            {
                exportRows++;
            }
        }, cancellationToken, ExportRuns);
        var paged = await MeasureAsync(counter, async ct =>
        {
            var listed = 0;
            for (var page = 1; listed < ExportMax; page++)
            {
                var answer = await queue.ListAsync(manager, new StaffQueueRequest(QueueScope.All, Page: page, PageSize: 1_000), ct);
                listed += answer.Rows.Count;
                if (!answer.HasMore)
                {
                    break;
                }
            }
        }, cancellationToken, ExportRuns);
        report.Figure($"export: all, up to {ReportWriter.Number(ExportMax)} rows, one pass (ListAllAsync)", $"{onePass.Entities} entities",
            $"{onePass.Requests} requests, p50 {ReportWriter.Number(onePass.P50)} ms; {exportRows} rows; median of {ExportRuns}");
        report.Figure("export: the same, pages of 1,000 one after another (before)", $"{paged.Entities} entities",
            $"{paged.Requests} requests, p50 {ReportWriter.Number(paged.P50)} ms; one pass reads {ReportWriter.Number((double)onePass.Entities / Math.Max(1, paged.Entities), 2)}× the entities in {ReportWriter.Number(onePass.P50 / Math.Max(1, paged.P50), 2)}× the time");

        var pageRead = 0;
        var detailRun = await MeasureAsync(counter, async ct =>
        {
            var record = await store.GetAsync(detail.TrackingNumber, ct) ?? throw new InvalidOperationException("The detail case is missing.");
            var entries = timeline.ListAsync(record.TrackingNumber, ct);
            var files = evidence.ListAsync(record.TrackingNumber, ct);
            var others = store.ListOtherCasesAsync(record.Details.Customer, record.TrackingNumber, 20, ct);
            await Task.WhenAll(entries, files, others);
            pageRead = (await entries).Count + (await files).Count + (await others).Count;
        }, cancellationToken);
        Print(report, $"case page: record + {TimelineEntries} timeline entries + evidence + earlier cases", detailRun,
            $"{pageRead} items; evidence listed from blobs (not counted as entities)", 200);
    }

    private static void Print(ReportWriter report, string label, Measured measured, string note, int targetMs)
    {
        report.Figure(label, $"{measured.Entities} entities", $"{measured.Requests} requests, p50 {ReportWriter.Number(measured.P50, 1)} ms, p95 {ReportWriter.Number(measured.P95, 1)} ms; {note}");
        report.Target($"{label}: p95 ≤ {targetMs} ms", ReportWriter.Number(measured.P95, 1) + " ms", measured.P95 <= targetMs);
    }

    private async Task<Measured> MeasureAsync(TableEntityCounter counter, Func<CancellationToken, Task> query, CancellationToken cancellationToken, int? runs = null)
    {
        var count = runs ?? options.QueueRuns;
        for (var i = 0; i < Math.Min(Warmups, count); i++)
        {
            await query(cancellationToken);
        }

        var times = new List<double>(count);
        var (requests, entities) = (0L, 0L);
        for (var i = 0; i < count; i++)
        {
            var before = counter.Snapshot();
            var watch = Stopwatch.StartNew();
            await query(cancellationToken);
            times.Add(watch.Elapsed.TotalMilliseconds);
            var after = counter.Snapshot();
            (requests, entities) = (after.Requests - before.Requests, after.Entities - before.Entities);
        }

        return new Measured(entities, requests, Measurements.Percentile(times, 50), Measurements.Percentile(times, 95));
    }

    private sealed record Measured(long Entities, long Requests, double P50, double P95);
}
