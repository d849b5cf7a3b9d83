using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Blobs;

namespace ServerlessComplaints.LocalHost.Hosting;

/// <summary>
/// Storage clients with short retries: when storage is down, intake must answer 503 within seconds, not hang in
/// back-off; the Durable Task worker retries on its own.
/// </summary>
internal static class StorageClients
{
    public static TableServiceClient Tables(string connectionString)
    {
        var options = new TableClientOptions();
        Configure(options.Retry);
        return new TableServiceClient(connectionString, options);
    }

    public static BlobServiceClient Blobs(string connectionString)
    {
        var options = new BlobClientOptions();
        Configure(options.Retry);
        return new BlobServiceClient(connectionString, options);
    }

    private static void Configure(RetryOptions retry)
    {
        retry.MaxRetries = 2;
        retry.Delay = TimeSpan.FromMilliseconds(200);
        retry.MaxDelay = TimeSpan.FromSeconds(1);
        retry.NetworkTimeout = TimeSpan.FromSeconds(10);
    }
}
