using System.Globalization;
using ServerlessComplaints.Workflow.Domain;
using ServerlessComplaints.Workflow.Lifecycle;
using ServerlessComplaints.Workflow.Localization;

namespace ServerlessComplaints.Workflow.Workspace;

/// <summary>
/// Sums of <see cref="DashboardContribution.Measures"/> (in total and per week of receipt) and the figures they make;
/// both dashboards add up the same measures, so they agree by construction.
/// </summary>
public sealed class DashboardTally
{
    private readonly Dictionary<string, decimal> _total = new(StringComparer.Ordinal);
    private readonly Dictionary<DateOnly, Dictionary<string, decimal>> _weeks = [];

    /// <summary>Adds measures of cases received in the week starting <paramref name="weekStart"/>.</summary>
    public void Add(DateOnly weekStart, IReadOnlyDictionary<string, decimal> measures)
    {
        ArgumentNullException.ThrowIfNull(measures);
        if (!_weeks.TryGetValue(weekStart, out var week))
        {
            _weeks[weekStart] = week = new(StringComparer.Ordinal);
        }

        foreach (var (key, amount) in measures)
        {
            _total[key] = _total.GetValueOrDefault(key) + amount;
            if (key.StartsWith("k:", StringComparison.Ordinal))
            {
                week[key] = week.GetValueOrDefault(key) + amount;
            }
        }
    }

    public DashboardFigures ToFigures(DashboardFilter filter, long entitiesRead)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var byKind = Every<ComplaintKind>().Select(k => new DashboardCount<ComplaintKind>(k, Count("k:" + WireNames.Of(k)))).ToList();
        var buckets = Enumerable.Range(0, DashboardFigures.HandlingBounds.Count + 1)
            .Select(i => new DashboardBucket(i, i < DashboardFigures.HandlingBounds.Count ? DashboardFigures.HandlingBounds[i] : null, Count("h:" + i.ToString(CultureInfo.InvariantCulture))))
            .ToList();
        return new DashboardFigures(filter)
        {
            Received = byKind.Sum(k => k.Count),
            ReceivedPerWeek = Weeks(filter),
            ReceivedByKind = byKind,
            ReceivedByCategory = [.. Every<Category>().Select(c => new DashboardCount<Category>(c, Count("c:" + WireNames.Of(c))))],
            ReceivedByLocation = [.. Keyed("l:").Select(p => new DashboardCount<string?>(p.Key, p.Count))
                .Concat(Count("l-") > 0 ? [new DashboardCount<string?>(null, Count("l-"))] : [])
                .OrderByDescending(c => c.Count).ThenBy(c => c.Key, StringComparer.Ordinal)],
            OpenByStage = [.. Every<CaseStage>().Where(DashboardContribution.IsOpen).Select(s => new DashboardCount<CaseStage>(s, Count("s:" + WireNames.Of(s))))],
            ClosedByOutcome = [.. Every<CaseOutcome>().Where(o => o != CaseOutcome.Unknown).Select(o => new DashboardCount<CaseOutcome>(o, Count("o:" + WireNames.Of(o))))],
            Sla = Sla(),
            TimeToResolve = buckets,
            MedianBucket = RankBucket(buckets, 5),
            P90Bucket = RankBucket(buckets, 9),
            EscalatedToManager = Count("e1"),
            EscalatedToCentreHead = Count("e2"),
            Remedies = [.. Every<RemedyType>().Select(t => new DashboardRemedy(t, Count("n:" + WireNames.Of(t)), _total.GetValueOrDefault("a:" + WireNames.Of(t))))],
            Ratings = [.. Enumerable.Range(1, 5).Select(r => new DashboardCount<int>(r, Count("r:" + r.ToString(CultureInfo.InvariantCulture))))],
            ClosedCases = Count("cl"),
            ReopenedCases = Count("ro"),
            TopRootCauses = [.. Keyed("q:").OrderByDescending(p => p.Count).ThenBy(p => p.Key, StringComparer.Ordinal)
                .Take(DashboardFigures.TopRootCauseCount).Select(p => new DashboardCount<string>(p.Key, p.Count))],
            ResponsibleParties = [.. Every<ResponsibleParty>().Select(p => new DashboardCount<ResponsibleParty>(p, Count("p:" + WireNames.Of(p))))],
            EntitiesRead = entitiesRead,
        };
    }

    private long Count(string key) => (long)_total.GetValueOrDefault(key);

    private IEnumerable<(string Key, long Count)> Keyed(string prefix) =>
        _total.Where(p => p.Key.StartsWith(prefix, StringComparison.Ordinal) && p.Value != 0).Select(p => (p.Key[prefix.Length..], (long)p.Value));

    private List<DashboardWeek> Weeks(DashboardFilter filter)
    {
        var weeks = new List<DashboardWeek>();
        for (var week = DashboardContribution.WeekOf(filter.From); week <= filter.To; week = week.AddDays(7))
        {
            var counts = _weeks.GetValueOrDefault(week);
            long Of(ComplaintKind kind) => (long)(counts?.GetValueOrDefault("k:" + WireNames.Of(kind)) ?? 0);
            weeks.Add(new DashboardWeek(week, Of(ComplaintKind.Complaint), Of(ComplaintKind.Inquiry), Of(ComplaintKind.Suggestion)));
        }

        return weeks;
    }

    private List<DashboardSla> Sla()
    {
        var pairs = new Dictionary<(DashboardClock Clock, string? Department), (long Met, long Missed)>();
        foreach (var (key, amount) in _total)
        {
            if (key.Length < 4 || key[1] != ':' || key[0] is not ('m' or 'x') || amount == 0)
            {
                continue;
            }

            var second = key.IndexOf(':', 2);
            var clock = (DashboardClock)int.Parse(key[2..second], CultureInfo.InvariantCulture);
            var department = second + 1 < key.Length ? key[(second + 2)..] : null;
            var (met, missed) = pairs.GetValueOrDefault((clock, department));
            pairs[(clock, department)] = key[0] == 'm' ? (met + (long)amount, missed) : (met, missed + (long)amount);
        }

        return [.. pairs.OrderBy(p => p.Key.Clock).ThenBy(p => p.Key.Department, StringComparer.Ordinal)
            .Select(p => new DashboardSla(p.Key.Clock, p.Key.Department, p.Value.Met, p.Value.Missed))];
    }

    // Nearest rank: the bucket holding the ⌈tenths/10 · n⌉-th smallest time (integers, so no rounding surprises).
    private static int? RankBucket(IReadOnlyList<DashboardBucket> buckets, int tenths)
    {
        var n = buckets.Sum(b => b.Count);
        if (n == 0)
        {
            return null;
        }

        var rank = (tenths * n + 9) / 10;
        long seen = 0;
        foreach (var bucket in buckets)
        {
            seen += bucket.Count;
            if (seen >= rank)
            {
                return bucket.Index;
            }
        }

        return buckets[^1].Index;
    }

    private static IEnumerable<T> Every<T>()
        where T : struct, Enum => Enum.GetValues<T>();
}
