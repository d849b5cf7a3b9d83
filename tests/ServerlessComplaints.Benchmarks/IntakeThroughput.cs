using System.Diagnostics;

namespace ServerlessComplaints.Benchmarks;

/// <summary>
/// (b) Intake throughput: 32 clients POST complaints back to back for a fixed time; accepted requests per second. Each
/// repetition starts a fresh service (new tables), so no repetition inherits the runtime backlog of the one before.
/// </summary>
internal sealed class IntakeThroughput(string connectionString, BenchmarkOptions options)
{
    public const int Clients = 32;

    public async Task<double> RunAsync(ReportWriter report, UpsertRates baseline, CancellationToken cancellationToken)
    {
        var rates = new List<double>();
        var failed = 0;
        for (var rep = 0; rep < options.Repetitions; rep++)
        {
            await using var service = await IntakeService.StartAsync(connectionString, cancellationToken);
            await MeasureAsync(service, TimeSpan.FromSeconds(1), cancellationToken);
            var (rate, failures) = await MeasureAsync(service, options.ThroughputDuration, cancellationToken);
            rates.Add(rate);
            failed += failures;
        }

        var median = Measurements.Median(rates);
        report.Section($"(b) Intake: POST /api/complaints (JSON, a valid Chinese complaint) to the real LocalHost service, in-process, on Azurite");
        report.Figure($"throughput, {Clients} concurrent clients", ReportWriter.Number(median) + " requests/s",
            $"median of {options.Repetitions} × {options.ThroughputDuration.TotalSeconds:0} s (after 1 s warm-up) {UpsertBaseline.Range(rates)}");
        report.Figure("", "", baseline.Ratios(median));
        if (failed > 0)
        {
            report.Note($"{failed} requests were not answered 202 (not counted)");
        }

        report.Target("intake ≥ 40 % of the raw upsert rate (16-way)", ReportWriter.Percent(median / baseline.Parallel, 1), median >= 0.4 * baseline.Parallel);
        return median;
    }

    private static async Task<(double Rate, int Failed)> MeasureAsync(IntakeService service, TimeSpan duration, CancellationToken cancellationToken)
    {
        var (accepted, failed) = (0, 0);
        var watch = Stopwatch.StartNew();
        var clients = Enumerable.Range(0, Clients).Select(async _ =>
        {
            while (watch.Elapsed < duration)
            {
                if (await service.SubmitAsync(cancellationToken))
                {
                    Interlocked.Increment(ref accepted);
                }
                else
                {
                    Interlocked.Increment(ref failed);
                }
            }
        });
        await Task.WhenAll(clients);
        return (accepted / watch.Elapsed.TotalSeconds, failed);
    }
}
