using System.Diagnostics;

namespace ServerlessComplaints.Benchmarks;

/// <summary>
/// (b) Intake latency at a fixed 100 requests/s, open loop: each request is sent at its scheduled time whether or not
/// earlier ones have answered, and its latency counts from that scheduled time (no coordinated omission). Each
/// repetition starts a fresh service (new tables) and warms it up for a second at the same rate.
/// </summary>
internal sealed class IntakeLatency(string connectionString, BenchmarkOptions options)
{
    public const int RequestsPerSecond = 100;

    public async Task<(double P50, double P99)> RunAsync(ReportWriter report, CancellationToken cancellationToken)
    {
        var p50s = new List<double>();
        var p99s = new List<double>();
        var (failed, accepted) = (0, 0);
        for (var rep = 0; rep < options.Repetitions; rep++)
        {
            await using var service = await IntakeService.StartAsync(connectionString, cancellationToken);
            await MeasureAsync(service, TimeSpan.FromSeconds(1), cancellationToken);
            var (latencies, failures) = await MeasureAsync(service, options.LatencyDuration, cancellationToken);
            accepted += service.Accepted;
            p50s.Add(Measurements.Percentile(latencies, 50));
            p99s.Add(Measurements.Percentile(latencies, 99));
            failed += failures;
        }

        var (p50, p99) = (Measurements.Median(p50s), Measurements.Median(p99s));
        var runs = $"median of {options.Repetitions} × {options.LatencyDuration.TotalSeconds:0} s";
        report.Figure($"latency p50 at {RequestsPerSecond} requests/s (open loop)", ReportWriter.Number(p50, 1) + " ms", $"{runs} {UpsertBaseline.Range(p50s, 1)}");
        report.Figure($"latency p99 at {RequestsPerSecond} requests/s (open loop)", ReportWriter.Number(p99, 1) + " ms", $"{runs} {UpsertBaseline.Range(p99s, 1)}");
        if (failed > 0)
        {
            report.Note($"{failed} requests were not answered 202 (their latency is counted)");
        }

        report.Target($"intake p99 ≤ 100 ms at {RequestsPerSecond} requests/s", ReportWriter.Number(p99, 1) + " ms", p99 <= 100);

        report.Note($"each repetition on a freshly started service, {ReportWriter.Number(accepted / options.Repetitions)} cases accepted per latency run; the service's runtime");
        report.Note("works through them at the same time, on the same 2 cores and the same Azurite, as it does in production");
        return (p50, p99);
    }

    private static async Task<(List<double> Latencies, int Failed)> MeasureAsync(IntakeService service, TimeSpan duration, CancellationToken cancellationToken)
    {
        var count = (int)(RequestsPerSecond * duration.TotalSeconds);
        var failed = 0;
        var watch = Stopwatch.StartNew();
        var requests = new List<Task<double>>(count);
        for (var i = 0; i < count; i++)
        {
            var scheduled = TimeSpan.FromSeconds((double)i / RequestsPerSecond);
            var wait = scheduled - watch.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, cancellationToken);
            }

            requests.Add(SendAsync(scheduled));
        }

        return ([.. await Task.WhenAll(requests)], failed);

        async Task<double> SendAsync(TimeSpan scheduled)
        {
            if (!await service.SubmitAsync(cancellationToken))
            {
                Interlocked.Increment(ref failed);
            }

            return (watch.Elapsed - scheduled).TotalMilliseconds;
        }
    }
}
