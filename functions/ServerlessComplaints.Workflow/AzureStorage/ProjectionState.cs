using System.Globalization;
using System.Text;
using Azure;
using Azure.Data.Tables;

namespace ServerlessComplaints.Workflow.AzureStorage;

/// <summary>
/// The bookkeeping row of one case's projection: the record version it shows, the queue rows and search postings
/// written for it, and whether that writing finished (<see cref="Settled"/>). While a write is under way the row lists
/// the old rows and the new ones together, so a crash never leaves a row nobody knows about.
/// </summary>
internal sealed record ProjectionState(long Version, bool Settled, IReadOnlySet<string> QueueKeys, IReadOnlySet<string> Postings, ETag ETag)
{
    private const char Separator = '\n';
    private const int MaxChunkLength = 30_000;

    public static string Partition(string trackingNumber) => "case|" + TableKeys.ComplaintPartition(trackingNumber);

    /// <summary>A queue row's identity in <see cref="QueueKeys"/>.</summary>
    public static string Key(string partitionKey, string rowKey) => partitionKey + "\t" + rowKey;

    public static (string PartitionKey, string RowKey) Split(string key)
    {
        var tab = key.IndexOf('\t', StringComparison.Ordinal);
        return (key[..tab], key[(tab + 1)..]);
    }

    public static ProjectionState From(TableEntity row) => new(
        row.GetInt64("Version") ?? 0,
        row.GetBoolean("Settled") ?? false,
        Lines(row.GetString("QueueKeys")),
        Lines(Joined(row, "Postings")),
        row.ETag);

    public TableEntity ToEntity(string trackingNumber)
    {
        var row = new TableEntity(Partition(trackingNumber), TableKeys.Escape(trackingNumber))
        {
            ["Version"] = Version,
            ["Settled"] = Settled,
            ["QueueKeys"] = string.Join(Separator, QueueKeys.Order(StringComparer.Ordinal)),
        };
        var postings = string.Join(Separator, Postings.Order(StringComparer.Ordinal));
        var chunks = 0;
        for (var start = 0; start < postings.Length; chunks++)
        {
            // Entries are short and never hold surrogate pairs split across chunks: cut at an entry boundary.
            var length = Math.Min(MaxChunkLength, postings.Length - start);
            if (start + length < postings.Length)
            {
                length = postings.LastIndexOf(Separator, start + length - 1, length) - start + 1;
            }

            row["Postings" + chunks.ToString(CultureInfo.InvariantCulture)] = postings.Substring(start, length);
            start += length;
        }

        row["PostingsChunks"] = chunks;
        return row;
    }

    private static string Joined(TableEntity row, string column)
    {
        var count = row.GetInt32(column + "Chunks") ?? 0;
        var joined = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            joined.Append(row.GetString(column + i.ToString(CultureInfo.InvariantCulture)));
        }

        return joined.ToString();
    }

    private static HashSet<string> Lines(string? text) =>
        new((text ?? "").Split(Separator, StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal);
}
