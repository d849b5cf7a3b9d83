namespace ServerlessComplaints.LocalHost.Hosting;

/// <summary>Adds the retention timer to a host that registered the complaint workflow and its stores.</summary>
public static class RetentionSweepHosting
{
    public static IServiceCollection AddRetentionSweep(this IServiceCollection services) =>
        services.AddHostedService<RetentionSweepService>();
}
