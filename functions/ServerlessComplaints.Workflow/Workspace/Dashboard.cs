using ServerlessComplaints.Workflow.Domain;
using ServerlessComplaints.Workflow.Lifecycle;

namespace ServerlessComplaints.Workflow.Workspace;

/// <summary>
/// Which cases a dashboard view counts: those RECEIVED on a local business date (the business calendar's time zone)
/// in [<paramref name="From"/>, <paramref name="To"/>], both inclusive, whose record's <c>DepartmentId</c>, details'
/// <c>Location</c> and category equal the given filters exactly (ordinal, case-sensitive); a null filter matches every
/// case, including cases without a department or location.
/// </summary>
public sealed record DashboardFilter(DateOnly From, DateOnly To, string? DepartmentId = null, string? Location = null, Category? Category = null);

/// <summary>
/// The SLA clock a case runs under, from <see cref="Calendar.SlaClock.SpanFor"/>: a complaint's resolution span (its
/// extended span once the extension was granted, <c>ComplaintRecord.Extended</c>), an inquiry's answer span, a
/// suggestion's reply span.
/// </summary>
public enum DashboardClock
{
    ComplaintResolution,
    ComplaintExtended,
    InquiryAnswer,
    SuggestionReply,
}

/// <summary>A count for one key of a breakdown (a kind, a category, a location, a stage ...).</summary>
public sealed record DashboardCount<TKey>(TKey Key, long Count);

/// <summary>Cases received in one week (Monday to Sunday, local dates), by kind; <see cref="Total"/> is their sum.</summary>
public sealed record DashboardWeek(DateOnly WeekStart, long Complaints, long Inquiries, long Suggestions)
{
    public long Total => Complaints + Inquiries + Suggestions;
}

/// <summary>
/// SLA compliance of one clock in one department (<see cref="DepartmentId"/> null: cases without a department):
/// <see cref="Met"/> + <see cref="Missed"/> cases whose clock stopped; <see cref="Percent"/> = 100 × Met / (Met + Missed),
/// rounded to one decimal (<see cref="MidpointRounding.AwayFromZero"/>), null when no clock stopped.
/// </summary>
public sealed record DashboardSla(DashboardClock Clock, string? DepartmentId, long Met, long Missed)
{
    public double? Percent => Met + Missed == 0 ? null : Math.Round(100.0 * Met / (Met + Missed), 1, MidpointRounding.AwayFromZero);
}

/// <summary>
/// One handling-time bucket: elapsed times above the previous bucket's bound and at most <see cref="UpTo"/>
/// (null: the last bucket, above the last bound). Bounds are <see cref="DashboardFigures.HandlingBounds"/>.
/// </summary>
public sealed record DashboardBucket(int Index, TimeSpan? UpTo, long Count);

/// <summary>Remedies of one type: how many carried-out remedies and the sum of their amounts (amount-less ones add 0).</summary>
public sealed record DashboardRemedy(RemedyType Type, long Count, decimal Amount);

/// <summary>
/// The dashboard's figures for the cases a <see cref="DashboardFilter"/> selects. Every figure is computed from the
/// selected records as they are stored now (see each property). Breakdowns over an enum list every value in
/// declaration order (zeros included, <c>Unknown</c> stages/outcomes left out); location, SLA, root-cause lists are
/// ordered as stated.
/// </summary>
public sealed record DashboardFigures(DashboardFilter Filter)
{
    /// <summary>
    /// Upper bounds (inclusive) of the handling-time buckets: ≤4 h, ≤1 d, ≤2 d, ≤3 d, ≤5 d, ≤7 d, ≤10 d, ≤14 d, ≤30 d
    /// (days of 24 elapsed hours), then "more than 30 d" (index 9).
    /// </summary>
    public static readonly IReadOnlyList<TimeSpan> HandlingBounds =
    [
        TimeSpan.FromHours(4), TimeSpan.FromDays(1), TimeSpan.FromDays(2), TimeSpan.FromDays(3), TimeSpan.FromDays(5),
        TimeSpan.FromDays(7), TimeSpan.FromDays(10), TimeSpan.FromDays(14), TimeSpan.FromDays(30),
    ];

    /// <summary>How many top root causes are listed.</summary>
    public const int TopRootCauseCount = 10;

    /// <summary>Cases selected (= the sum of <see cref="ReceivedByKind"/>).</summary>
    public long Received { get; init; }

    /// <summary>
    /// Every week (its Monday) that overlaps [From, To], oldest first, with the selected cases received in it by kind
    /// (weeks without cases listed with zeros). The first and last weeks count only the days inside the range.
    /// </summary>
    public IReadOnlyList<DashboardWeek> ReceivedPerWeek { get; init; } = [];

    /// <summary>Selected cases by <c>Details.Kind</c>.</summary>
    public IReadOnlyList<DashboardCount<ComplaintKind>> ReceivedByKind { get; init; } = [];

    /// <summary>Selected cases by <c>Details.Category</c>.</summary>
    public IReadOnlyList<DashboardCount<Category>> ReceivedByCategory { get; init; } = [];

    /// <summary>Selected cases by <c>Details.Location</c> (null key: none given), most first, then by location (ordinal; null first).</summary>
    public IReadOnlyList<DashboardCount<string?>> ReceivedByLocation { get; init; } = [];

    /// <summary>Selected cases whose stage is neither Closed, Archived, Failed nor Unknown, by stage (Intake .. FollowUp).</summary>
    public IReadOnlyList<DashboardCount<CaseStage>> OpenByStage { get; init; } = [];

    /// <summary>Selected cases with an <c>Outcome</c> (Unknown left out), by outcome.</summary>
    public IReadOnlyList<DashboardCount<CaseOutcome>> ClosedByOutcome { get; init; } = [];

    /// <summary>
    /// SLA compliance per clock and department, for the selected cases whose clock stopped: the record's
    /// <c>RespondedAtUtc</c> is set (the first inquiry answer, suggestion reply or, for complaints, offer sent to the
    /// customer — not the close after the follow-up survey). Met when <c>RespondedAtUtc ≤ ResponseDueAtUtc</c> (the
    /// deadline in force at that moment), missed otherwise; cases with a response but no deadline are not counted.
    /// The clock: Inquiry → InquiryAnswer, Suggestion → SuggestionReply, Complaint → ComplaintExtended when
    /// <c>Extended</c>, else ComplaintResolution. Only (clock, department) pairs with a case are listed, ordered by
    /// clock, then department (ordinal; null first).
    /// </summary>
    public IReadOnlyList<DashboardSla> Sla { get; init; } = [];

    /// <summary>
    /// Time to resolve: for the selected cases whose clock stopped (<c>RespondedAtUtc</c> set), the elapsed time
    /// <c>RespondedAtUtc − Details.ReceivedAtUtc</c>, counted in the buckets of <see cref="HandlingBounds"/> (all ten
    /// listed, index 0..9; a negative time counts in bucket 0).
    /// </summary>
    public IReadOnlyList<DashboardBucket> TimeToResolve { get; init; } = [];

    /// <summary>Index of the bucket holding the median time to resolve: the ⌈0.5·n⌉-th smallest of n times (nearest rank); null when n = 0.</summary>
    public int? MedianBucket { get; init; }

    /// <summary>Index of the bucket holding the 90th percentile: the ⌈0.9·n⌉-th smallest of n times; null when n = 0.</summary>
    public int? P90Bucket { get; init; }

    /// <summary>Selected cases whose record's current <c>EscalationLevel</c> is at least 1 (manager).</summary>
    public long EscalatedToManager { get; init; }

    /// <summary>Selected cases whose record's current <c>EscalationLevel</c> is at least 2 (centre head).</summary>
    public long EscalatedToCentreHead { get; init; }

    /// <summary>
    /// Carried-out remedies of the selected cases (record has <c>ExecutionReference</c> and <c>Remedy</c>) by
    /// <c>Remedy.Type</c>: count and sum of <c>Remedy.Amount</c> (every type listed).
    /// </summary>
    public IReadOnlyList<DashboardRemedy> Remedies { get; init; } = [];

    /// <summary>Selected cases by <c>SurveyRating</c> (the latest answer), ratings 1 to 5 (other values not counted).</summary>
    public IReadOnlyList<DashboardCount<int>> Ratings { get; init; } = [];

    /// <summary>Selected cases whose stage is Closed or Archived.</summary>
    public long ClosedCases { get; init; }

    /// <summary>Of <see cref="ClosedCases"/>, those with <c>ReopenCount ≥ 1</c>.</summary>
    public long ReopenedCases { get; init; }

    /// <summary><see cref="ReopenedCases"/> / <see cref="ClosedCases"/> (0..1), null when no case is closed.</summary>
    public double? ReopenRate => ClosedCases == 0 ? null : (double)ReopenedCases / ClosedCases;

    /// <summary>
    /// Root causes of the selected cases with findings: <c>Findings.RootCause</c> trimmed, inner whitespace runs
    /// collapsed to one space, lower-cased (invariant) and cut to 100 characters is the key (empty ones not counted);
    /// the <see cref="TopRootCauseCount"/> most frequent, most first, then by key (ordinal).
    /// </summary>
    public IReadOnlyList<DashboardCount<string>> TopRootCauses { get; init; } = [];

    /// <summary>Selected cases with findings by <c>Findings.ResponsibleParty</c> (every party listed).</summary>
    public IReadOnlyList<DashboardCount<ResponsibleParty>> ResponsibleParties { get; init; } = [];

    /// <summary>Stored rows read to answer this view (aggregate rows for the table store, records for the in-memory one).</summary>
    public long EntitiesRead { get; init; }
}

/// <summary>
/// The staff dashboard's figures: aggregates kept per week of receipt as cases change (see
/// <c>AzureStorage.TableDashboard</c>), or computed over the records in memory (<see cref="InMemoryDashboard"/>).
/// </summary>
public interface IDashboard
{
    /// <exception cref="ArgumentException">From is after To, or the range spans more than <see cref="DashboardRange.MaxDays"/> days.</exception>
    Task<DashboardFigures> ReadAsync(DashboardFilter filter, CancellationToken cancellationToken);

    /// <summary>Recomputes every aggregate from the stored records (existing data, or a repair); returns the records read.</summary>
    Task<long> RebuildAsync(CancellationToken cancellationToken);
}
