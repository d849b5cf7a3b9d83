namespace ServerlessComplaints.Benchmarks;

/// <summary>One run of (c): cases driven through the lifecycle, steps taken, time, and the runtime's storage round trips.</summary>
internal sealed record WorkflowRunResult(int Cases, int Resolved, int Episodes, int Activities, TimeSpan Elapsed, int Reads, int Writes, int Batches)
{
    public double StepsPerSecond => Episodes / Elapsed.TotalSeconds;

    public double ActivitiesPerSecond => Activities / Elapsed.TotalSeconds;

    /// <summary>The same run as the engine comparison sees it (storage requests counted by <see cref="StorageRequestMeter"/>).</summary>
    public EngineRun? Metered { get; init; }
}
