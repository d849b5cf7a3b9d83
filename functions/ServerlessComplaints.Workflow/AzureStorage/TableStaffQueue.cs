using System.Runtime.CompilerServices;
using Azure.Data.Tables;
using ServerlessComplaints.Workflow.Assessment;
using ServerlessComplaints.Workflow.Calendar;
using ServerlessComplaints.Workflow.Workspace;

namespace ServerlessComplaints.Workflow.AzureStorage;

/// <summary>
/// The staff queue over the projections of <see cref="TableComplaintStore"/>: a page is a range read of one scope
/// partition in the requested order (about a page of rows); a search intersects the postings of the query's terms.
/// </summary>
/// <remarks>
/// Stale rows are caught on the way out: every row of a page is checked against its record with a point read of the
/// record's columns (so at most one read per row shown). A row that differs (a crash between the record and projection
/// writes, or two writers racing) is repaired from the record and the page read once more; a row of a deleted case is
/// removed. Search results are built from those point reads directly, so they always show the record. The first read of
/// a store whose projection was never built (no marker row) projects every record once.
/// </remarks>
public sealed class TableStaffQueue(TableComplaintStore store, BusinessCalendar calendar, TimeProvider time) : IStaffQueue
{
    /// <summary>A search sorted other than newest first orders at most this many matches (the newest ones).</summary>
    public const int MaxSortedSearchMatches = 500;

    // An export checks this many rows against their records at once.
    private const int ExportCheckConcurrency = 50;

    private readonly SlaCountdowns _countdowns = new(calendar);
    private readonly BuildOnce _projected = new(store.Projection.HasMarkerAsync, async ct => await store.RebuildProjectionAsync(ct).ConfigureAwait(false));

    public async Task<StaffQueuePage> ListAsync(StaffMember viewer, StaffQueueRequest request, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var selection = QueueSelection.For(viewer, request, calendar, now);
        if (selection.IsEmpty)
        {
            return new StaffQueuePage([], selection.Page, selection.PageSize, false, 0);
        }

        await EnsureProjectedAsync(cancellationToken).ConfigureAwait(false);
        var read = 0;
        void CountRead(int n) => Interlocked.Add(ref read, n);
        var (cases, hasMore) = selection.IsSearch
            ? await SearchAsync(selection, CountRead, cancellationToken).ConfigureAwait(false)
            : await PageAsync(selection, CountRead, repairs: 1, cancellationToken).ConfigureAwait(false);
        var rows = cases.Select(c => Row(c, now)).ToList();
        return new StaffQueuePage(rows, selection.Page, selection.PageSize, hasMore, read);
    }

    /// <summary>
    /// Builds the projection from the records when it has never been built (no marker row), once per process. The
    /// rebuild runs to its end even when the request that started it gives up; later requests wait for the same one.
    /// </summary>
    public Task EnsureProjectedAsync(CancellationToken cancellationToken) => _projected.EnsureAsync(cancellationToken);

    /// <remarks>
    /// Without a search, one pass over the scope partition's rows in order, each row checked against its record as a
    /// page's are (a stale row is repaired and listed as its record says, at the row's place; a case already listed is
    /// not listed again). A search reads its postings page after page, as the screen does.
    /// </remarks>
    public async IAsyncEnumerable<StaffQueueRow> ListAllAsync(StaffMember viewer, StaffQueueRequest request, int max, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var selection = QueueSelection.For(viewer, request with { Page = 1, PageSize = QueueSelection.MaxPageSize }, calendar, now);
        if (selection.IsEmpty || max <= 0)
        {
            yield break;
        }

        if (selection.IsSearch)
        {
            var listed = 0;
            for (var page = 1; ; page++)
            {
                var answer = await ListAsync(viewer, selection.Request with { Page = page }, cancellationToken).ConfigureAwait(false);
                foreach (var row in answer.Rows)
                {
                    yield return row;
                    if (++listed >= max)
                    {
                        yield break;
                    }
                }

                if (!answer.HasMore)
                {
                    yield break;
                }
            }
        }

        await EnsureProjectedAsync(cancellationToken).ConfigureAwait(false);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var rows = store.Projection.Queue.QueryAsync<TableEntity>(QueueFilter.For(selection), maxPerPage: QueueSelection.MaxPageSize, cancellationToken: cancellationToken);
        await foreach (var page in rows.AsPages().ConfigureAwait(false))
        {
            var candidates = page.Values.Select(row => (row, QueueEntities.ToCase(row))).Where(r => selection.Matches(r.Item2)).ToList();
            foreach (var chunk in candidates.Chunk(ExportCheckConcurrency))
            {
                var checkedCases = await Task.WhenAll(chunk.Select(c => CheckAsync(c, _ => { }, cancellationToken))).ConfigureAwait(false);
                foreach (var (found, _) in checkedCases)
                {
                    if (found is null || !selection.Matches(found) || !seen.Add(found.TrackingNumber))
                    {
                        continue;
                    }

                    yield return Row(found, now);
                    if (seen.Count >= max)
                    {
                        yield break;
                    }
                }
            }
        }
    }

    private StaffQueueRow Row(QueueCase c, DateTime now) => c.ToRow(_countdowns.For(c.ReceivedAtUtc, c.DueAtUtc, c.Open, now));

    private async Task<(IReadOnlyList<QueueCase> Cases, bool HasMore)> PageAsync(QueueSelection selection, Action<int> countRead, int repairs, CancellationToken cancellationToken)
    {
        var wanted = selection.Skip + selection.PageSize + 1;
        var listed = new List<(TableEntity Row, QueueCase Case)>(Math.Min(wanted, 1_000));
        await foreach (var page in store.Projection.Queue.QueryAsync<TableEntity>(QueueFilter.For(selection), maxPerPage: Math.Min(wanted, 1_000), cancellationToken: cancellationToken).AsPages().ConfigureAwait(false))
        {
            countRead(page.Values.Count);
            listed.AddRange(page.Values.Select(row => (row, QueueEntities.ToCase(row))).Where(r => selection.Matches(r.Item2)));
            if (listed.Count >= wanted)
            {
                break;
            }
        }

        var shown = listed.Skip(selection.Skip).Take(selection.PageSize).ToList();
        var checkedCases = await Task.WhenAll(shown.Select(c => CheckAsync(c, countRead, cancellationToken))).ConfigureAwait(false);
        if (checkedCases.Any(c => !c.Current) && repairs > 0)
        {
            // Rows were repaired: read the page again, now from the corrected projection.
            return await PageAsync(selection, countRead, repairs - 1, cancellationToken).ConfigureAwait(false);
        }

        return ([.. checkedCases.Where(c => c.Case is not null && selection.Matches(c.Case)).Select(c => c.Case!)], listed.Count > selection.Skip + selection.PageSize);
    }

    // One point read of the record's columns; a row that differs from it is deleted and the case projected afresh.
    private async Task<(QueueCase? Case, bool Current)> CheckAsync((TableEntity Row, QueueCase Case) listed, Action<int> countRead, CancellationToken cancellationToken)
    {
        var record = await store.ReadQueueCaseAsync(listed.Case.TrackingNumber, cancellationToken).ConfigureAwait(false);
        countRead(record is null ? 0 : 1);
        if (record == listed.Case)
        {
            return (record, true);
        }

        await store.Projection.DeleteRowAsync(listed.Row.PartitionKey, listed.Row.RowKey, cancellationToken).ConfigureAwait(false);
        await store.ReprojectAsync(listed.Case.TrackingNumber, cancellationToken, force: true).ConfigureAwait(false);
        return (record, false);
    }

    private async Task<(IReadOnlyList<QueueCase> Cases, bool HasMore)> SearchAsync(QueueSelection selection, Action<int> countRead, CancellationToken cancellationToken)
    {
        // Postings come newest first, so a newest-first page stops early; other orders sort the newest matches.
        var newestFirst = selection.Sort == QueueSort.Received;
        var wanted = newestFirst ? selection.Skip + selection.PageSize + 1 : MaxSortedSearchMatches;
        var matches = new List<QueueCase>();
        var batch = new List<string>();
        var candidates = PostingSearch.MatchesAsync(store.Projection.Terms, selection.Search, wanted, countRead, cancellationToken);
        await foreach (var trackingNumber in candidates.ConfigureAwait(false))
        {
            batch.Add(trackingNumber);
            if (batch.Count >= Math.Max(selection.PageSize, wanted - matches.Count))
            {
                await ReadMatchesAsync(batch, selection, matches, countRead, cancellationToken).ConfigureAwait(false);
                if (matches.Count >= wanted)
                {
                    break;
                }
            }
        }

        if (matches.Count < wanted)
        {
            await ReadMatchesAsync(batch, selection, matches, countRead, cancellationToken).ConfigureAwait(false);
        }

        var ordered = selection.Order(matches).ToList();
        return ([.. ordered.Skip(selection.Skip).Take(selection.PageSize)], ordered.Count > selection.Skip + selection.PageSize);
    }

    private async Task ReadMatchesAsync(List<string> trackingNumbers, QueueSelection selection, List<QueueCase> matches, Action<int> countRead, CancellationToken cancellationToken)
    {
        var cases = await Task.WhenAll(trackingNumbers.Select(async tn =>
        {
            var found = await store.ReadQueueCaseAsync(tn, cancellationToken).ConfigureAwait(false);
            countRead(found is null ? 0 : 1);
            if (found is null)
            {
                // Postings of a deleted case: clear them away.
                await store.ReprojectAsync(tn, cancellationToken).ConfigureAwait(false);
            }

            return found;
        })).ConfigureAwait(false);
        matches.AddRange(cases.OfType<QueueCase>().Where(selection.Matches));
        trackingNumbers.Clear();
    }
}
