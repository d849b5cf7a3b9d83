using System.Diagnostics;

namespace ServerlessComplaints.Benchmarks;

/// <summary>
/// (b) Intake latency at a fixed 100 requests/s, open loop: each request is sent at its scheduled time whether or not
/// earlier ones have answered, and its latency counts from that scheduled time (no coordinated omission).
/// </summary>
internal sealed class IntakeLatency(IntakeService service, BenchmarkOptions options)
{
    public const int RequestsPerSecond = 100;

    public async Task RunAsync(ReportWriter report, CancellationToken cancellationToken)
    {
        var p50s = new List<double>();
        var p99s = new List<double>();
        var failed = 0;
        for (var rep = 0; rep < options.Repetitions; rep++)
        {
            var (latencies, failures) = await MeasureAsync(options.LatencyDuration, cancellationToken);
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
        report.Note($"{ReportWriter.Number(service.Accepted)} cases accepted in (b); the service's runtime works through them in the background meanwhile (same 2 cores, same Azurite)");
    }

    private async Task<(List<double> Latencies, int Failed)> MeasureAsync(TimeSpan duration, CancellationToken cancellationToken)
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
