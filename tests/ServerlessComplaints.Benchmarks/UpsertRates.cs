namespace ServerlessComplaints.Benchmarks;

/// <summary>The baseline of (a): raw single-entity upserts per second, one client and 16-way parallel.</summary>
internal sealed record UpsertRates(double Sequential, double Parallel)
{
    /// <summary>Each repetition's sequential rate: how much the machine varies within one run.</summary>
    public IReadOnlyList<double> SequentialRuns { get; init; } = [];

    /// <summary>"x % of sequential, y % of 16-way": a figure against both baselines.</summary>
    public string Ratios(double rate) =>
        $"= {ReportWriter.Percent(rate / Sequential)} of sequential upserts, {ReportWriter.Percent(rate / Parallel)} of 16-way upserts";
}
