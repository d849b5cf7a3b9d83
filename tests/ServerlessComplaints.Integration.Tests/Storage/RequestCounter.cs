using Azure.Core;
using Azure.Core.Pipeline;

namespace ServerlessComplaints.Integration.Tests.Storage;

/// <summary>Counts the storage round trips a client makes: reads (GET) and writes, and which writes were batches.</summary>
internal sealed class RequestCounter : HttpPipelinePolicy
{
    private int _reads;
    private int _writes;
    private int _batches;

    public int Reads => _reads;

    public int Writes => _writes;

    public int Batches => _batches;

    public void Reset()
    {
        _reads = 0;
        _writes = 0;
        _batches = 0;
    }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Count(message);
        ProcessNext(message, pipeline);
    }

    public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Count(message);
        return ProcessNextAsync(message, pipeline);
    }

    private void Count(HttpMessage message)
    {
        if (message.Request.Method == RequestMethod.Get)
        {
            Interlocked.Increment(ref _reads);
            return;
        }

        Interlocked.Increment(ref _writes);
        if (message.Request.Uri.Path.EndsWith("$batch", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _batches);
        }
    }
}
