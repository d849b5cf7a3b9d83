namespace ServerlessComplaints.LocalHost.Hosting;

/// <summary>Adds the retention timer to a host that registered the complaint workflow and its stores.</summary>
public static class RetentionSweepHosting
{
    /// <summary>The sweep runs under a blob lease in <paramref name="blobs"/>, so nodes sharing the storage sweep one at a time.</summary>
    public static IServiceCollection AddRetentionSweep(this IServiceCollection services, Azure.Storage.Blobs.BlobServiceClient blobs, string tablePrefix) =>
        services
            .AddSingleton(sp => new RetentionSweepLease(blobs, tablePrefix, sp.GetRequiredService<ILogger<RetentionSweepLease>>()))
            .AddHostedService<RetentionSweepService>();
}
