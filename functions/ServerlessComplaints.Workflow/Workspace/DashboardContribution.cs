using System.Globalization;
using System.Text;
using ServerlessComplaints.Workflow.Cases;
using ServerlessComplaints.Workflow.Domain;
using ServerlessComplaints.Workflow.Lifecycle;
using ServerlessComplaints.Workflow.Localization;

namespace ServerlessComplaints.Workflow.Workspace;

/// <summary>
/// What one case adds to the dashboard's aggregates: where it is counted (local date of receipt, department, category,
/// location) and its measures, a map from measure key to amount (counts are 1; remedy amounts are sums). Aggregates
/// are sums of contributions, so moving a case from one state to another is adding the difference of two of these.
/// </summary>
/// <remarks>
/// Measure keys: <c>k:{kind}</c>, <c>c:{category}</c>, <c>l:{location}</c> or <c>l-</c> (none), <c>s:{open stage}</c>,
/// <c>o:{outcome}</c>, <c>m:{clock}:{department}</c> / <c>x:{clock}:{department}</c> (SLA met / missed; department
/// <c>=id</c>, or empty when none), <c>h:{bucket}</c>, <c>e1</c>, <c>e2</c>, <c>n:{remedy}</c> / <c>a:{remedy}</c>
/// (count / amount), <c>r:{rating}</c>, <c>cl</c> (closed), <c>ro</c> (closed and reopened), <c>q:{root cause key}</c>,
/// <c>p:{party}</c>. The definitions are those documented on <see cref="DashboardFigures"/>.
/// </remarks>
public sealed record DashboardContribution(DateOnly ReceivedOn, string? DepartmentId, Category Category, string? Location, IReadOnlyDictionary<string, decimal> Measures)
{
    /// <summary>Longest root-cause key kept.</summary>
    public const int MaxRootCauseLength = 100;

    /// <summary>The Monday of the week of <see cref="ReceivedOn"/>.</summary>
    public DateOnly WeekStart => WeekOf(ReceivedOn);

    public static DateOnly WeekOf(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));

    /// <summary>The contribution of <paramref name="record"/> as stored now; <paramref name="zone"/> is the business calendar's.</summary>
    public static DashboardContribution Of(ComplaintRecord record, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(zone);
        var details = record.Details;
        var m = new SortedDictionary<string, decimal>(StringComparer.Ordinal);
        void Count(string key, decimal amount = 1) => m[key] = m.GetValueOrDefault(key) + amount;

        Count("k:" + WireNames.Of(details.Kind));
        Count("c:" + WireNames.Of(details.Category));
        Count(details.Location is { } location ? "l:" + location : "l-");
        if (IsOpen(record.Stage))
        {
            Count("s:" + WireNames.Of(record.Stage));
        }

        if (record.Outcome is { } outcome && outcome != CaseOutcome.Unknown)
        {
            Count("o:" + WireNames.Of(outcome));
        }

        if (record is { RespondedAtUtc: { } responded })
        {
            if (record.ResponseDueAtUtc is { } due)
            {
                var clock = (int)ClockOf(details.Kind, record.Extended);
                var department = record.DepartmentId is { } id ? "=" + id : "";
                Count(string.Create(CultureInfo.InvariantCulture, $"{(responded <= due ? 'm' : 'x')}:{clock}:{department}"));
            }

            Count("h:" + BucketOf(responded - details.ReceivedAtUtc).ToString(CultureInfo.InvariantCulture));
        }

        if (record.EscalationLevel >= 1)
        {
            Count("e1");
        }

        if (record.EscalationLevel >= 2)
        {
            Count("e2");
        }

        if (record is { ExecutionReference: not null, Remedy: { } remedy })
        {
            Count("n:" + WireNames.Of(remedy.Type));
            Count("a:" + WireNames.Of(remedy.Type), remedy.Amount ?? 0);
        }

        if (record.SurveyRating is >= 1 and <= 5)
        {
            Count("r:" + record.SurveyRating.Value.ToString(CultureInfo.InvariantCulture));
        }

        if (record.Stage is CaseStage.Closed or CaseStage.Archived)
        {
            Count("cl");
            if (record.ReopenCount >= 1)
            {
                Count("ro");
            }
        }

        if (record.Findings is { } findings)
        {
            if (RootCauseKey(findings.RootCause) is { Length: > 0 } cause)
            {
                Count("q:" + cause);
            }

            Count("p:" + WireNames.Of(findings.ResponsibleParty));
        }

        return new DashboardContribution(
            DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(details.ReceivedAtUtc, DateTimeKind.Utc), zone)),
            record.DepartmentId, details.Category, details.Location, m);
    }

    /// <summary>True when the filter selects this contribution's case.</summary>
    public bool Matches(DashboardFilter filter) =>
        ReceivedOn >= filter.From && ReceivedOn <= filter.To
        && (filter.DepartmentId is null || string.Equals(filter.DepartmentId, DepartmentId, StringComparison.Ordinal))
        && (filter.Location is null || string.Equals(filter.Location, Location, StringComparison.Ordinal))
        && (filter.Category is null || filter.Category == Category);

    public static bool IsOpen(CaseStage stage) => stage is not (CaseStage.Closed or CaseStage.Archived or CaseStage.Failed or CaseStage.Unknown);

    public static DashboardClock ClockOf(ComplaintKind kind, bool extended) => kind switch
    {
        ComplaintKind.Inquiry => DashboardClock.InquiryAnswer,
        ComplaintKind.Suggestion => DashboardClock.SuggestionReply,
        _ => extended ? DashboardClock.ComplaintExtended : DashboardClock.ComplaintResolution,
    };

    /// <summary>The bucket index (0..9) of an elapsed time: the first bound it does not exceed, else the last bucket.</summary>
    public static int BucketOf(TimeSpan elapsed)
    {
        var bounds = DashboardFigures.HandlingBounds;
        for (var i = 0; i < bounds.Count; i++)
        {
            if (elapsed <= bounds[i])
            {
                return i;
            }
        }

        return bounds.Count;
    }

    /// <summary>A root cause as counted: trimmed, whitespace runs as one space, lower-cased (invariant), at most 100 characters.</summary>
    public static string RootCauseKey(string? rootCause)
    {
        if (string.IsNullOrWhiteSpace(rootCause))
        {
            return "";
        }

        var key = new StringBuilder(rootCause.Length);
        foreach (var word in rootCause.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            key.Append(key.Length == 0 ? "" : " ").Append(word);
        }

        var text = key.ToString().ToLowerInvariant();
        if (text.Length <= MaxRootCauseLength)
        {
            return text;
        }

        // Never half a surrogate pair.
        return text[..(char.IsHighSurrogate(text[MaxRootCauseLength - 1]) ? MaxRootCauseLength - 1 : MaxRootCauseLength)];
    }
}
