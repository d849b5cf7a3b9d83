using System.Globalization;
using System.Text;
using Azure.Data.Tables;

namespace ServerlessComplaints.Runtime.Storage;

/// <summary>
/// Long strings as several string properties (Name0, Name1, …): a table string property holds at most 64 KiB
/// (32 K UTF-16 characters), an entity at most 1 MiB.
/// </summary>
internal static class ChunkedColumns
{
    public const int ChunkChars = 30_000;

    // Leaves room under the 1 MiB entity limit for keys, the other properties and the service's overhead.
    public const int MaxEntityBytes = 900 * 1024;

    public static void Write(TableEntity entity, string name, string? value)
    {
        if (value is null)
        {
            return;
        }

        var index = 0;
        var start = 0;
        do
        {
            var length = Math.Min(ChunkChars, value.Length - start);

            // Never split a surrogate pair: half a character is not a valid string to store.
            if (start + length < value.Length && char.IsHighSurrogate(value[start + length - 1]))
            {
                length--;
            }

            entity[Key(name, index++)] = value.Substring(start, length);
            start += length;
        }
        while (start < value.Length);
    }

    public static string? Read(TableEntity entity, string name)
    {
        if (entity.GetString(Key(name, 0)) is not { } first)
        {
            return null;
        }

        var text = new StringBuilder(first);
        for (var index = 1; entity.GetString(Key(name, index)) is { } next; index++)
        {
            text.Append(next);
        }

        return text.ToString();
    }

    /// <summary>Throws when the entity would not fit in a table row (string properties are stored as UTF-16).</summary>
    public static void EnsureFits(TableEntity entity, string what)
    {
        long bytes = 0;
        foreach (var (key, value) in entity)
        {
            bytes += (2L * key.Length) + (value is string s ? 2L * s.Length : 8);
        }

        if (bytes > MaxEntityBytes)
        {
            throw new InvalidOperationException(
                $"{what} needs about {bytes / 1024} KB in one table row, over the {MaxEntityBytes / 1024} KB limit of the runtime's store; keep large payloads in blobs and pass references.");
        }
    }

    private static string Key(string name, int index) => name + index.ToString(CultureInfo.InvariantCulture);
}
