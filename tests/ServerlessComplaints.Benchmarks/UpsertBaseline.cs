using System.Diagnostics;
using Azure.Data.Tables;

namespace ServerlessComplaints.Benchmarks;

/// <summary>(a) The baseline: raw single-entity upserts into an Azure Table, one client and 16 in parallel.</summary>
internal sealed class UpsertBaseline(TableServiceClient service, BenchmarkOptions options)
{
    public const int Parallelism = 16;

    // About the size of a runtime history row: the baseline writes what the runtime writes, minus the runtime.
    private static readonly string Payload = new('x', 512);

    public async Task<UpsertRates> RunAsync(ReportWriter report, CancellationToken cancellationToken)
    {
        var table = service.GetTableClient("Baseline" + Guid.NewGuid().ToString("N")[..10]);
        await table.CreateIfNotExistsAsync(cancellationToken);
        await MeasureAsync(table, 50, Parallelism, "warmup", cancellationToken);

        var sequential = new List<double>();
        var parallel = new List<double>();
        for (var rep = 0; rep < options.BaselineRepetitions; rep++)
        {
            sequential.Add(await MeasureAsync(table, options.SequentialUpserts, 1, $"s{rep}", cancellationToken));
            parallel.Add(await MeasureAsync(table, options.ParallelUpserts, Parallelism, $"p{rep}", cancellationToken));
        }

        var rates = new UpsertRates(Measurements.Median(sequential), Measurements.Median(parallel)) { SequentialRuns = sequential };
        report.Section($"(a) Baseline: raw single-entity upserts into an Azure Table (≈0.5 KB entities, a new partition each), median of {options.BaselineRepetitions}");
        report.Figure($"sequential, one client ({options.SequentialUpserts} upserts)", ReportWriter.Number(rates.Sequential) + " upserts/s", Range(sequential));
        report.Figure($"{Parallelism}-way parallel ({options.ParallelUpserts} upserts)", ReportWriter.Number(rates.Parallel) + " upserts/s", Range(parallel));
        return rates;
    }

    public static string Range(IReadOnlyCollection<double> values, int decimals = 0) =>
        $"(runs {ReportWriter.Number(values.Min(), decimals)}–{ReportWriter.Number(values.Max(), decimals)})";

    private static async Task<double> MeasureAsync(TableClient table, int count, int parallelism, string run, CancellationToken cancellationToken)
    {
        var next = -1;
        var watch = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, parallelism).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                var entity = new TableEntity($"{run}-{i}", "row") { ["Payload"] = Payload, ["Sequence"] = i };
                await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
            }
        });
        await Task.WhenAll(workers);
        return count / watch.Elapsed.TotalSeconds;
    }
}
