namespace ServerlessComplaints.Benchmarks;

/// <summary>
/// The figures of both engines measured in this run, printed at the end as one Markdown table with the ratio
/// DurableTask.Core / embedded, each figure's spread over its runs, and the noise of the machine in the same run.
/// </summary>
internal sealed class EngineComparison
{
    private readonly List<Row> _rows = [];
    private readonly List<string> _notes = [];

    public void Lifecycle(IReadOnlyList<EngineRun> embedded, IReadOnlyList<EngineRun> core)
    {
        Add("lifecycle: cases/s (whole happy path)", embedded, core, r => r.CasesPerSecond, 1, "");
        Add("lifecycle: activities/s", embedded, core, r => r.ActivitiesPerSecond, 1, "");
        Add("activities per case", embedded, core, r => (double)r.Activities / r.Cases, 1, "");
        Add("storage requests per activity", embedded, core, r => r.RequestsPerActivity, 2, "");
        Add("… of which reads (GET/HEAD)", embedded, core, r => (double)r.Reads / r.Activities, 2, "");
        Add("… of which writes (PUT/POST/MERGE/DELETE)", embedded, core, r => (double)r.Writes / r.Activities, 2, "");
        var unresolved = embedded.Concat(core).Where(r => r.Resolved != r.Cases).ToList();
        if (unresolved.Count > 0)
        {
            _notes.Add($"WARNING: not every case resolved: {string.Join(", ", unresolved.Select(r => $"{r.Resolved}/{r.Cases}"))}");
        }
    }

    public void Timers(TimerFigures embedded, TimerFigures core)
    {
        _rows.Add(new("timer lateness p50 (fired − due)", Ms(embedded.P50), Range(embedded.P50s, " ms"), Ms(core.P50), Range(core.P50s, " ms"), "—"));
        _rows.Add(new("timer lateness p95", Ms(embedded.P95), Range(embedded.P95s, " ms"), Ms(core.P95), Range(core.P95s, " ms"), "—"));
        _rows.Add(new("timer: earliest firing (negative = early)", Ms(embedded.Earliest), "", Ms(core.Earliest), "", "—"));
        if (embedded.Missing + core.Missing > 0)
        {
            _notes.Add($"WARNING: timers that never fired: embedded {embedded.Missing}, durable-task {core.Missing}");
        }
    }

    public void Intake((double P50, double P99) embedded, (double P50, double P99) core)
    {
        _rows.Add(new($"intake latency p50 at {IntakeLatency.RequestsPerSecond}/s (POST → 202)", Ms(embedded.P50), "", Ms(core.P50), "", Ratio(core.P50, embedded.P50)));
        _rows.Add(new($"intake latency p99 at {IntakeLatency.RequestsPerSecond}/s", Ms(embedded.P99), "", Ms(core.P99), "", Ratio(core.P99, embedded.P99)));
    }

    /// <summary>The machine's noise in this run: the baseline's spread over its repetitions, and its drift from start to end.</summary>
    public void Noise(UpsertRates start, UpsertRates end, BenchmarkOptions options)
    {
        var all = start.SequentialRuns.Concat(end.SequentialRuns).ToList();
        _notes.Add($"Noise: sequential upserts on the same Azurite {ReportWriter.Number(start.Sequential)}/s at the start and {ReportWriter.Number(end.Sequential)}/s at the end "
            + $"(runs {ReportWriter.Number(all.Min())}–{ReportWriter.Number(all.Max())}/s, max/min × {ReportWriter.Number(all.Max() / all.Min(), 2)}); "
            + "ratios within that spread are not a difference.");
        _notes.Add($"Figures are medians of {options.WorkflowRepetitions} lifecycle runs and {options.Repetitions} timer and intake runs per engine, "
            + "the runs' range in brackets; lifecycle on the embedded engine " + ReportWriter.Number(options.Cases) + " cases per run (manual clock, stepped in-process), "
            + "on DurableTask.Core " + ReportWriter.Number(options.CoreCases) + " cases per run (real clock, its own worker threads, status polled every "
            + ReportWriter.Number(CoreLifecycle.PollInterval.TotalMilliseconds) + " ms outside the count).");
    }

    public void Print(ReportWriter report)
    {
        report.Section("Both engines, one run: embedded runtime vs DurableTask.Core (Azure Storage backend), same Azurite, same process");
        report.Line();
        report.Line("| Measure | Embedded | DurableTask.Core | Core / embedded |");
        report.Line("|---|---:|---:|---:|");
        foreach (var row in _rows)
        {
            report.Line($"| {row.Measure} | {row.Embedded}{Spread(row.EmbeddedSpread)} | {row.Core}{Spread(row.CoreSpread)} | {row.Ratio} |");
        }

        report.Line();
        foreach (var note in _notes)
        {
            report.Line("- " + note);
        }
    }

    private void Add(string measure, IReadOnlyList<EngineRun> embedded, IReadOnlyList<EngineRun> core, Func<EngineRun, double> figure, int decimals, string unit)
    {
        var (e, c) = (Measurements.Median(embedded.Select(figure)), Measurements.Median(core.Select(figure)));
        _rows.Add(new(measure, ReportWriter.Number(e, decimals) + unit, Range([.. embedded.Select(figure)], unit, decimals),
            ReportWriter.Number(c, decimals) + unit, Range([.. core.Select(figure)], unit, decimals), Ratio(c, e)));
    }

    private static string Ms(double value) => double.IsNaN(value) ? "—" : ReportWriter.Number(value, 0) + " ms";

    private static string Ratio(double core, double embedded) =>
        core > 0 && embedded > 0 ? "× " + ReportWriter.Number(core / embedded, core / embedded < 0.1 ? 3 : 2) : "—";

    private static string Range(IReadOnlyCollection<double> values, string unit, int decimals = 0) =>
        values.Count < 2 ? "" : $"{ReportWriter.Number(values.Min(), decimals)}–{ReportWriter.Number(values.Max(), decimals)}{unit}";

    private static string Spread(string range) => range.Length == 0 ? "" : $" ({range})";

    private sealed record Row(string Measure, string Embedded, string EmbeddedSpread, string Core, string CoreSpread, string Ratio);
}
