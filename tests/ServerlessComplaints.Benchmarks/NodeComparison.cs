namespace ServerlessComplaints.Benchmarks;

/// <summary>
/// (h) Two nodes against one: the lifecycle of (c) on one engine node, then on two (two ComplaintTaskHub workers with
/// worker ids of their own sharing the hub's 4 partitions), on the same Azurite, alternated. Both nodes run in this
/// process on the same two cores, and every node talks to the one Azurite (a single Node.js process): the figures show
/// what the shared storage allows, not what a second machine would add.
/// </summary>
internal sealed class NodeComparison(string connectionString, StorageRequestMeter meter, BenchmarkOptions options)
{
    public async Task RunAsync(ReportWriter report, CancellationToken cancellationToken)
    {
        report.Section($"(h) two engine nodes against one on the same Azurite ({options.NodeCases} cases per run, whole lifecycle)");
        var runs = new Dictionary<int, List<EngineRun>> { [1] = [], [2] = [] };
        for (var rep = 0; rep < options.Repetitions; rep++)
        {
            foreach (var nodes in new[] { 1, 2 })
            {
                runs[nodes].Add(await new CoreLifecycle(connectionString, meter).RunAsync(options.NodeCases, cancellationToken, nodes, traceBackend: true));
            }
        }

        foreach (var (nodes, list) in runs)
        {
            report.Figure($"{nodes} node{(nodes == 1 ? "" : "s")}: activities per second", ReportWriter.Number(Measurements.Median(list.Select(r => r.ActivitiesPerSecond)), 1) + " activities/s",
                $"{ReportWriter.Runs(list.Count)} {UpsertBaseline.Range([.. list.Select(r => r.ActivitiesPerSecond)], 1)}; cases/s {ReportWriter.Number(Measurements.Median(list.Select(r => r.CasesPerSecond)), 2)}; "
                + $"storage requests per activity {ReportWriter.Number(Measurements.Median(list.Select(r => r.RequestsPerActivity)), 2)}; partitions per node {string.Join(" | ", list.Select(r => r.Owners))}");
            if (list.Any(r => r.Resolved != r.Cases))
            {
                report.Note($"WARNING ({nodes} nodes): not every case completed as resolved: {string.Join(", ", list.Select(r => $"{r.Resolved}/{r.Cases}"))}");
            }
        }

        var ratio = Measurements.Median(runs[2].Select(r => r.ActivitiesPerSecond)) / Measurements.Median(runs[1].Select(r => r.ActivitiesPerSecond));
        report.Figure("two nodes / one", ReportWriter.Number(ratio, 2) + "×", "same machine and the same Azurite: bounded by them, as expected");
    }
}
