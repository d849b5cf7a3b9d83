using Azure.Data.Tables;

namespace ServerlessComplaints.Integration.Tests.Storage;

/// <summary>
/// Table queries on the repository's patched Azurite (<c>patches/azurite+3.35.0.patch</c>): a filter that requires one
/// PartitionKey starts from Azurite's PartitionKey index instead of testing every entity. Whatever the shape of the
/// filter — the key in a nested "and", beside an "or", inside quotes, escaped, number-like — the answer is what the
/// filter selects, in PartitionKey/RowKey order, page after page.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class AzuriteTableQueryTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly string[] Partitions = ["a", "b", "o'neil", "a or b", "10", "9", "1e1", "1f", "10.0", "it's and"];

    private TableClient _table = null!;
    private List<(string PartitionKey, string RowKey, int N)> _rows = null!;

    public async Task InitializeAsync()
    {
        _table = new TableServiceClient(azurite.ConnectionString).GetTableClient(AzuriteFixture.UniqueName("pk"));
        await _table.CreateIfNotExistsAsync();
        _rows = [.. Partitions.SelectMany((p, i) => Enumerable.Range(0, 7).Select(r => (p, $"r{r:00}", (i * 7) + r)))];
        foreach (var partition in _rows.GroupBy(r => r.PartitionKey))
        {
            await _table.SubmitTransactionAsync(partition.Select(r => new TableTransactionAction(TableTransactionActionType.Add,
                new TableEntity(r.PartitionKey, r.RowKey) { ["N"] = r.N })));
        }
    }

    public Task DisposeAsync() => _table.DeleteAsync();

    public static TheoryData<string> Filters =>
    [
        "PartitionKey eq 'a'",
        "(PartitionKey eq 'b')",
        "PartitionKey eq 'a' and RowKey ge 'r03'",
        "(PartitionKey eq 'a') and (RowKey ge 'r02') and N lt 5",
        "RowKey lt 'r02' and PartitionKey eq 'o''neil'",
        "(PartitionKey eq 'a' and RowKey eq 'r01') or PartitionKey eq 'b'",
        "(PartitionKey eq 'a') or (PartitionKey eq 'b')",
        "not (PartitionKey eq 'a')",
        "PartitionKey eq 'a or b'",
        "PartitionKey eq 'it''s and' and RowKey eq 'r06'",
        "PartitionKey eq '10'",
        "PartitionKey eq '1e1'",
        "((PartitionKey eq '9') and (RowKey gt 'r01')) and N ge 40",
        "PartitionKey eq 'a' and (RowKey eq 'r00' or RowKey eq 'r06')",
        "PartitionKey ge 'a' and PartitionKey lt 'b'",
        "PartitionKey eq 'none'",
    ];

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task QueryAsync_Filter_SelectsWhatTheFilterSaysInKeyOrderAcrossPages(string filter)
    {
        var expected = _rows.Where(Predicate(filter)).OrderBy(r => r.PartitionKey, StringComparer.Ordinal).ThenBy(r => r.RowKey, StringComparer.Ordinal)
            .Select(r => $"{r.PartitionKey}|{r.RowKey}").ToList();

        var listed = new List<string>();
        await foreach (var entity in _table.QueryAsync<TableEntity>(filter, maxPerPage: 3))
        {
            listed.Add($"{entity.PartitionKey}|{entity.RowKey}");
        }

        Assert.Equal(expected, listed);
    }

    // The same filters in C#, written out by hand.
    private static Func<(string PartitionKey, string RowKey, int N), bool> Predicate(string filter) => filter switch
    {
        "PartitionKey eq 'a'" => r => r.PartitionKey == "a",
        "(PartitionKey eq 'b')" => r => r.PartitionKey == "b",
        "PartitionKey eq 'a' and RowKey ge 'r03'" => r => r.PartitionKey == "a" && string.CompareOrdinal(r.RowKey, "r03") >= 0,
        "(PartitionKey eq 'a') and (RowKey ge 'r02') and N lt 5" => r => r.PartitionKey == "a" && string.CompareOrdinal(r.RowKey, "r02") >= 0 && r.N < 5,
        "RowKey lt 'r02' and PartitionKey eq 'o''neil'" => r => r.PartitionKey == "o'neil" && string.CompareOrdinal(r.RowKey, "r02") < 0,
        "(PartitionKey eq 'a' and RowKey eq 'r01') or PartitionKey eq 'b'" => r => (r.PartitionKey == "a" && r.RowKey == "r01") || r.PartitionKey == "b",
        "(PartitionKey eq 'a') or (PartitionKey eq 'b')" => r => r.PartitionKey is "a" or "b",
        "not (PartitionKey eq 'a')" => r => r.PartitionKey != "a",
        "PartitionKey eq 'a or b'" => r => r.PartitionKey == "a or b",
        "PartitionKey eq 'it''s and' and RowKey eq 'r06'" => r => r.PartitionKey == "it's and" && r.RowKey == "r06",
        "PartitionKey eq '10'" => r => r.PartitionKey == "10",
        "PartitionKey eq '1e1'" => r => r.PartitionKey == "1e1",
        "((PartitionKey eq '9') and (RowKey gt 'r01')) and N ge 40" => r => r.PartitionKey == "9" && string.CompareOrdinal(r.RowKey, "r01") > 0 && r.N >= 40,
        "PartitionKey eq 'a' and (RowKey eq 'r00' or RowKey eq 'r06')" => r => r.PartitionKey == "a" && (r.RowKey is "r00" or "r06"),
        "PartitionKey ge 'a' and PartitionKey lt 'b'" => r => string.CompareOrdinal(r.PartitionKey, "a") >= 0 && string.CompareOrdinal(r.PartitionKey, "b") < 0,
        "PartitionKey eq 'none'" => _ => false,
        _ => throw new ArgumentOutOfRangeException(nameof(filter), filter, "no predicate written for this filter"),
    };
}
