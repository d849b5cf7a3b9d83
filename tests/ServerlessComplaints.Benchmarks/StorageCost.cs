namespace ServerlessComplaints.Benchmarks;

/// <summary>(d) The runtime's storage round trips in the runs of (c), counted by a pipeline policy on its table client.</summary>
internal static class StorageCost
{
    public static void Print(ReportWriter report, IReadOnlyList<WorkflowRunResult> runs)
    {
        double Median(Func<WorkflowRunResult, double> figure) => Measurements.Median(runs.Select(figure));

        report.Section($"(d) Runtime storage operations in (c) (counting HttpPipelinePolicy on the TableServiceClient), {ReportWriter.Runs(runs.Count)}");
        report.Note("all of the runtime's requests: starts, raised events, timer firings, activity results, step commits and their reads");
        report.Figure("per completed complaint", PerUnit(Median(r => (double)r.Reads / r.Cases), Median(r => (double)r.Writes / r.Cases), Median(r => (double)r.Batches / r.Cases)));
        report.Figure("per workflow step (episode)", PerUnit(Median(r => (double)r.Reads / r.Episodes), Median(r => (double)r.Writes / r.Episodes), Median(r => (double)r.Batches / r.Episodes)));
        report.Figure("per step or activity", PerUnit(
            Median(r => (double)r.Reads / (r.Episodes + r.Activities)),
            Median(r => (double)r.Writes / (r.Episodes + r.Activities)),
            Median(r => (double)r.Batches / (r.Episodes + r.Activities))));
        var writesPerStep = Median(r => (double)r.Writes / r.Episodes);
        report.Target("≤ 2 runtime storage writes per workflow step", ReportWriter.Number(writesPerStep, 2) + " writes/step", writesPerStep <= 2);
    }

    private static string PerUnit(double reads, double writes, double batches) =>
        $"{ReportWriter.Number(reads, 2)} reads, {ReportWriter.Number(writes, 2)} writes (of which {ReportWriter.Number(batches, 2)} batch transactions)";
}
