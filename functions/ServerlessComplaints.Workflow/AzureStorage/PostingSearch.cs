using System.Runtime.CompilerServices;
using Azure.Data.Tables;

namespace ServerlessComplaints.Workflow.AzureStorage;

/// <summary>
/// The cases a search finds, newest first: for each alternative of the query the intersection of its terms'
/// postings (a leapfrog join over <see cref="PostingCursor"/>s), and the union of the alternatives.
/// </summary>
internal static class PostingSearch
{
    /// <summary>Case tracking numbers, newest first; <paramref name="expected"/> (how many the caller will likely take) sizes the reads.</summary>
    public static async IAsyncEnumerable<string> MatchesAsync(
        TableClient terms, IReadOnlyList<IReadOnlyList<string>> alternatives, int expected, Action<int> countRead, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var pageSize = Math.Clamp(expected, 10, 1_000);
        var streams = alternatives.Select(a => IntersectionAsync(terms, a, pageSize, countRead, cancellationToken).GetAsyncEnumerator(cancellationToken)).ToList();
        try
        {
            var live = new List<IAsyncEnumerator<string>>();
            foreach (var stream in streams)
            {
                if (await stream.MoveNextAsync().ConfigureAwait(false))
                {
                    live.Add(stream);
                }
            }

            // Union of sorted streams: emit the smallest key, advance every stream standing on it.
            while (live.Count > 0)
            {
                var smallest = live.Select(s => s.Current).Min(StringComparer.Ordinal)!;
                yield return TrackingNumberOf(smallest);
                foreach (var stream in live.Where(s => s.Current == smallest).ToList())
                {
                    if (!await stream.MoveNextAsync().ConfigureAwait(false))
                    {
                        live.Remove(stream);
                    }
                }
            }
        }
        finally
        {
            foreach (var stream in streams)
            {
                await stream.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    // Case keys ("{inverted receipt ticks}|{tracking}") every term of the alternative has, in order.
    private static async IAsyncEnumerable<string> IntersectionAsync(
        TableClient terms, IReadOnlyList<string> alternative, int pageSize, Action<int> countRead, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var cursors = alternative.Select(term => new PostingCursor(terms, term, pageSize, countRead)).ToList();

        // The first postings of every term at once; then every cursor is brought up to the furthest until all agree.
        var started = await Task.WhenAll(cursors.Select(c => c.SeekAsync("", cancellationToken))).ConfigureAwait(false);
        if (started.Any(found => !found))
        {
            yield break;
        }

        var target = cursors.Select(c => c.Current!).Max(StringComparer.Ordinal)!;
        while (true)
        {
            foreach (var cursor in cursors)
            {
                if (!await cursor.SeekAsync(target, cancellationToken).ConfigureAwait(false))
                {
                    yield break;
                }

                if (string.CompareOrdinal(cursor.Current, target) > 0)
                {
                    target = cursor.Current!;
                }
            }

            if (cursors.All(c => c.Current == target))
            {
                yield return target;

                // Keys have one length, so the next possible key is this one plus the lowest character.
                target += " ";
            }
        }
    }

    private static string TrackingNumberOf(string caseKey) => caseKey[(caseKey.IndexOf('|', StringComparison.Ordinal) + 1)..];
}
