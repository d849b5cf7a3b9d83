using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Specialized;

namespace ServerlessComplaints.LocalHost.Hosting;

/// <summary>
/// One node sweeps at a time when several share a storage account: the sweep runs under a blob lease on
/// <c>{prefix}locks/retention-sweep</c>, renewed while it runs and released after; a node that finds the lease held
/// skips its round (the holder sweeps for every node). A node that dies holding it frees it within <see cref="Duration"/>.
/// The Functions app needs none of this: its timer trigger already runs on one instance at a time.
/// </summary>
public sealed partial class RetentionSweepLease(BlobServiceClient blobs, string tablePrefix, ILogger<RetentionSweepLease> logger)
{
    public static readonly TimeSpan Duration = TimeSpan.FromSeconds(30);

    private readonly BlobContainerClient _container = blobs.GetBlobContainerClient((tablePrefix + "locks").ToLowerInvariant());

    /// <summary>Runs <paramref name="work"/> while holding the lease; null when another node holds it.</summary>
    public async Task<T?> RunExclusiveAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(work);
        var blob = _container.GetBlobClient("retention-sweep");
        await EnsureBlobAsync(blob, cancellationToken);
        var lease = blob.GetBlobLeaseClient();
        try
        {
            await lease.AcquireAsync(Duration, cancellationToken: cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            LogHeldElsewhere();
            return null;
        }

        // The work stops if the lease is lost (renewal failed): another node may be sweeping by then.
        using var held = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var done = new CancellationTokenSource();
        var renewing = RenewAsync(lease, held, done.Token);
        try
        {
            return await work(held.Token);
        }
        finally
        {
            await done.CancelAsync();
            await renewing;
            try
            {
                await lease.ReleaseAsync(cancellationToken: CancellationToken.None);
            }
            catch (RequestFailedException)
            {
                // Lost or expired already: it frees itself.
            }
        }
    }

    private async Task EnsureBlobAsync(BlobClient blob, CancellationToken cancellationToken)
    {
        await _container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        try
        {
            await blob.UploadAsync(BinaryData.Empty, overwrite: false, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            // There already (and perhaps leased).
        }
    }

    private async Task RenewAsync(BlobLeaseClient lease, CancellationTokenSource held, CancellationToken done)
    {
        try
        {
            while (true)
            {
                await Task.Delay(Duration / 3, done);
                await lease.RenewAsync(cancellationToken: done);
            }
        }
        catch (OperationCanceledException) when (done.IsCancellationRequested)
        {
        }
        catch (RequestFailedException e)
        {
            LogLost(e);
            await held.CancelAsync();
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Retention sweep skipped: another node holds the sweep lease")]
    private partial void LogHeldElsewhere();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Retention sweep lease lost; the sweep stops and a later round finishes it")]
    private partial void LogLost(Exception exception);
}
