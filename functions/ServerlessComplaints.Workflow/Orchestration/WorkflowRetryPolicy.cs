namespace ServerlessComplaints.Workflow.Orchestration;

/// <summary>
/// How an activity call is retried: <paramref name="MaxAttempts"/> in all, waiting <paramref name="FirstInterval"/>
/// and multiplying by <paramref name="BackoffCoefficient"/> up to <paramref name="MaxInterval"/>.
/// The Durable adapter maps it to <c>TaskOptions.FromRetryPolicy</c>.
/// </summary>
public sealed record WorkflowRetryPolicy(
    int MaxAttempts,
    TimeSpan FirstInterval,
    double BackoffCoefficient = 2.0,
    TimeSpan? MaxInterval = null)
{
    /// <summary>The delay before retry number <paramref name="attempt"/> (1 = the first retry).</summary>
    public TimeSpan DelayBefore(int attempt)
    {
        var ticks = FirstInterval.Ticks * Math.Pow(BackoffCoefficient, Math.Max(0, attempt - 1));
        var delay = TimeSpan.FromTicks((long)Math.Min(ticks, TimeSpan.MaxValue.Ticks / 2.0));
        return MaxInterval is { } max && delay > max ? max : delay;
    }
}
