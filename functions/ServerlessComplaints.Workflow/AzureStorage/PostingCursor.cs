using Azure.Data.Tables;

namespace ServerlessComplaints.Workflow.AzureStorage;

/// <summary>
/// Walks one search term's postings in row-key order (newest case first). <see cref="SeekAsync"/> jumps with a fresh
/// range read instead of paging through postings it would skip, so intersecting a rare term with a common one reads
/// about as many postings as the rare term has.
/// </summary>
internal sealed class PostingCursor(TableClient terms, string term, int pageSize, Action<int> countRead)
{

    private readonly (string Partition, string RowPrefix) _address = TableQueueProjection.PostingAddress(term);
    private readonly List<string> _buffer = [];
    private int _index;
    private bool _exhausted;

    /// <summary>The current posting's case key (<c>{inverted receipt ticks}|{tracking}</c>); null once past the last.</summary>
    public string? Current => _index < _buffer.Count ? _buffer[_index] : null;

    /// <summary>Moves to the first posting at or after <paramref name="key"/>; false when there is none.</summary>
    public async Task<bool> SeekAsync(string key, CancellationToken cancellationToken)
    {
        while (_index < _buffer.Count && string.CompareOrdinal(_buffer[_index], key) < 0)
        {
            _index++;
        }

        if (_index < _buffer.Count)
        {
            return true;
        }

        // The buffer ended before the key: read on from the key itself. Keys have one length, so key + " " is the next possible one.
        return !_exhausted && await FillAsync(key, cancellationToken).ConfigureAwait(false);
    }

    public Task<bool> NextAsync(CancellationToken cancellationToken) =>
        Current is { } current ? SeekAsync(current + " ", cancellationToken) : Task.FromResult(false);

    private async Task<bool> FillAsync(string from, CancellationToken cancellationToken)
    {
        _buffer.Clear();
        _index = 0;
        var (partition, prefix) = _address;
        var filter = prefix.Length == 0
            ? TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {from}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {prefix + from} and RowKey lt {prefix[..^1] + "}"}");
        await foreach (var page in terms.QueryAsync<TableEntity>(filter, maxPerPage: pageSize, select: ["RowKey"], cancellationToken: cancellationToken).AsPages().ConfigureAwait(false))
        {
            countRead(page.Values.Count);
            _buffer.AddRange(page.Values.Select(row => row.RowKey[_address.RowPrefix.Length..]));
            if (page.ContinuationToken is null)
            {
                _exhausted = true;
            }

            // An empty page with a continuation can happen; read on until rows or the end.
            if (_buffer.Count > 0 || _exhausted)
            {
                break;
            }
        }

        return _buffer.Count > 0;
    }
}
