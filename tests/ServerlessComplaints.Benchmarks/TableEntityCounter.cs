using System.Text.Json;
using Azure.Core;
using Azure.Core.Pipeline;

namespace ServerlessComplaints.Benchmarks;

/// <summary>
/// Counts what a table client reads, from the responses themselves: every request, and every entity a GET returned
/// (the length of a query's <c>value</c> array, or one for a point read that found its row). The staff queue's own
/// <c>EntitiesRead</c> is checked against it.
/// </summary>
internal sealed class TableEntityCounter : HttpPipelinePolicy
{
    private long _requests;
    private long _entities;

    public (long Requests, long Entities) Snapshot() => (Interlocked.Read(ref _requests), Interlocked.Read(ref _entities));

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        ProcessNext(message, pipeline);
        Count(message);
    }

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        await ProcessNextAsync(message, pipeline);
        Count(message);
    }

    private void Count(HttpMessage message)
    {
        Interlocked.Increment(ref _requests);
        if (message.Request.Method != RequestMethod.Get || !message.HasResponse || message.Response.Status != 200 || message.Response.Content is not { } content)
        {
            return;
        }

        using var json = JsonDocument.Parse(content.ToMemory());
        var count = json.RootElement.TryGetProperty("value", out var rows) && rows.ValueKind == JsonValueKind.Array
            ? rows.GetArrayLength()
            : json.RootElement.TryGetProperty("PartitionKey", out _) || json.RootElement.TryGetProperty("odata.etag", out _) ? 1 : 0;
        Interlocked.Add(ref _entities, count);
    }
}
