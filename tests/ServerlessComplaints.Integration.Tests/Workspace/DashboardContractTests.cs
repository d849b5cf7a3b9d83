using ServerlessComplaints.Workflow.Cases;
using ServerlessComplaints.Workflow.Domain;
using ServerlessComplaints.Workflow.Lifecycle;
using ServerlessComplaints.Workflow.Lifecycle.Events;
using ServerlessComplaints.Workflow.Workspace;
using static ServerlessComplaints.Integration.Tests.Workspace.QueueSamples;

namespace ServerlessComplaints.Integration.Tests.Workspace;

/// <summary>
/// What every <see cref="IDashboard"/> does, run once per store by the subclasses: its figures equal those recomputed
/// here straight from the records (an oracle that shares no code with the dashboard), for any filter, and follow
/// every write and deletion.
/// </summary>
public abstract class DashboardContractTests
{
    protected static readonly CancellationToken None = CancellationToken.None;

    // Monday 2 March to Sunday 29 March 2026: four whole weeks.
    protected static readonly DashboardFilter March = new(new(2026, 3, 2), new(2026, 3, 29));

    protected abstract Task<(IComplaintStore Store, IDashboard Dashboard)> CreateAsync();

    [Fact]
    public async Task ReadAsync_VariedCases_EqualsTheFiguresRecomputedFromTheRecords()
    {
        var (store, dashboard) = await CreateAsync();
        var records = Varied();
        foreach (var record in records)
        {
            await store.TryAddAsync(record, None);
        }

        foreach (var filter in new[]
        {
            March,
            March with { DepartmentId = "quality" },
            March with { Location = "浦东店" },
            March with { Category = Category.Delivery },
            March with { DepartmentId = "quality", Category = Category.ProductQuality, Location = "浦东店" },
            new DashboardFilter(new(2026, 3, 4), new(2026, 3, 17)),
            new DashboardFilter(new(2026, 3, 4), new(2026, 3, 17), Location: "浦东店"),
        })
        {
            var figures = await dashboard.ReadAsync(filter, None);

            AssertSame(Expected(records, filter), figures);
        }
    }

    [Fact]
    public async Task ReadAsync_AfterStageAndDepartmentChange_MovesTheCounts()
    {
        var (store, dashboard) = await CreateAsync();
        var record = At(new(2026, 3, 10, 2, 0, 0, DateTimeKind.Utc));
        await store.TryAddAsync(record, None);

        await store.UpdateAsync(record.TrackingNumber, r => r with { Stage = CaseStage.Resolution, DepartmentId = "service" }, None);

        var quality = await dashboard.ReadAsync(March with { DepartmentId = "quality" }, None);
        var service = await dashboard.ReadAsync(March with { DepartmentId = "service" }, None);
        var all = await dashboard.ReadAsync(March, None);
        Assert.Equal(0, quality.Received);
        Assert.Equal(1, service.Received);
        Assert.Equal(1, Of(all.OpenByStage, CaseStage.Resolution));
        Assert.Equal(0, Of(all.OpenByStage, CaseStage.Investigation));
    }

    [Fact]
    public async Task ReadAsync_AfterDelete_NoLongerCountsTheCase()
    {
        var (store, dashboard) = await CreateAsync();
        var kept = At(new(2026, 3, 10, 2, 0, 0, DateTimeKind.Utc));
        var deleted = At(new(2026, 3, 11, 2, 0, 0, DateTimeKind.Utc)) with { SurveyRating = 2 };
        await store.TryAddAsync(kept, None);
        await store.TryAddAsync(deleted, None);

        await store.DeleteAsync(deleted.TrackingNumber, None);

        var figures = await dashboard.ReadAsync(March, None);
        AssertSame(Expected([kept], March), figures);
        Assert.Equal(1, figures.Received);
    }

    [Fact]
    public async Task ReadAsync_FromAfterTo_IsRefused()
    {
        var (_, dashboard) = await CreateAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => dashboard.ReadAsync(new DashboardFilter(new(2026, 3, 2), new(2026, 3, 1)), None));
    }

    /// <summary>A case received at <paramref name="receivedUtc"/> in quality, at 浦东店, under investigation.</summary>
    protected static ComplaintRecord At(DateTime receivedUtc, ComplaintKind kind = ComplaintKind.Complaint, Category category = Category.ProductQuality, string? location = "浦东店", string? department = "quality") =>
        Case(received: receivedUtc, kind: kind, category: category, location: location, department: department);

    /// <summary>Cases of every kind, stage and outcome, over March 2026 (and one outside it), in Shanghai local dates.</summary>
    protected static List<ComplaintRecord> Varied()
    {
        var d = (int day, int hour) => new DateTime(2026, 3, day, hour, 0, 0, DateTimeKind.Utc);
        var findings = (string cause, ResponsibleParty party) => new FindingsSubmitted("li.lei", cause, party, "facts", new Remedy(RemedyType.Refund, 10m, "r"));
        return
        [
            // Sunday 1 March 23:00 local = 15:00 UTC: before the range.
            At(d(1, 15)),
            // Sunday 8 March 23:30 local (15:30 UTC) belongs to the week of 2 March.
            At(d(8, 15).AddMinutes(30), ComplaintKind.Inquiry, Category.Delivery, location: null) with
            {
                Stage = CaseStage.Archived, Outcome = CaseOutcome.Resolved, RespondedAtUtc = d(9, 1), ResponseDueAtUtc = d(10, 0), SurveyRating = 5,
            },
            // Sunday 8 March 16:30 UTC = Monday 9 March 00:30 local: the next week.
            At(d(8, 16).AddMinutes(30), category: Category.Delivery, department: "service") with
            {
                Stage = CaseStage.Archived, Outcome = CaseOutcome.Dissatisfied, ReopenCount = 1, Extended = true,
                RespondedAtUtc = d(20, 0), ResponseDueAtUtc = d(18, 0), EscalationLevel = 2, SurveyRating = 1,
                Findings = findings("Courier  LATE", ResponsibleParty.ThirdParty),
                Remedy = new Remedy(RemedyType.Compensation, 88.8m, "c"), ExecutionReference = "X1",
            },
            At(d(4, 2)) with
            {
                Stage = CaseStage.Closed, Outcome = CaseOutcome.Resolved, RespondedAtUtc = d(4, 5), ResponseDueAtUtc = d(9, 0), SurveyRating = 4,
                Findings = findings("courier late", ResponsibleParty.ThirdParty), Remedy = new Remedy(RemedyType.Refund, 120m, "r"), ExecutionReference = "X2",
            },
            At(d(5, 3), location: "徐汇店") with
            {
                Stage = CaseStage.Resolution, EscalationLevel = 1, RespondedAtUtc = d(16, 3), ResponseDueAtUtc = d(10, 3),
                Findings = findings("Heating element", ResponsibleParty.Company), Remedy = new Remedy(RemedyType.Apology, null, "a"),
            },
            At(d(12, 6), ComplaintKind.Suggestion, Category.Facilities, department: null) with
            {
                Stage = CaseStage.Archived, Outcome = CaseOutcome.Reviewed, RespondedAtUtc = d(12, 9), ResponseDueAtUtc = d(20, 0),
            },
            At(d(17, 2), category: Category.Price) with { Stage = CaseStage.Approval, Findings = findings("heating element", ResponsibleParty.Company) },
            At(d(19, 2)) with { Stage = CaseStage.Failed },
            At(d(23, 2), ComplaintKind.Inquiry, location: "徐汇店") with { Stage = CaseStage.Archived, Outcome = CaseOutcome.Withdrawn },
            At(d(28, 2), department: "service") with { Stage = CaseStage.Intake },
            // 30 March: after the range.
            At(d(30, 2)),
        ];
    }

    protected static long Of<T>(IEnumerable<DashboardCount<T>> counts, T key) => counts.Single(c => EqualityComparer<T>.Default.Equals(c.Key, key)).Count;

    /// <summary>The figures computed directly from the records, by the definitions documented on <see cref="DashboardFigures"/>.</summary>
    protected static DashboardFigures Expected(IEnumerable<ComplaintRecord> all, DashboardFilter filter)
    {
        DateOnly Local(DateTime utc) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(utc, Shanghai));
        var cases = all.Where(r => Local(r.Details.ReceivedAtUtc) >= filter.From && Local(r.Details.ReceivedAtUtc) <= filter.To
            && (filter.DepartmentId is null || r.DepartmentId == filter.DepartmentId)
            && (filter.Location is null || r.Details.Location == filter.Location)
            && (filter.Category is null || r.Details.Category == filter.Category)).ToList();
        var closedStages = new[] { CaseStage.Closed, CaseStage.Archived };
        var responded = cases.Where(r => r.RespondedAtUtc is not null).Select(r => r.RespondedAtUtc!.Value - r.Details.ReceivedAtUtc).Order().ToList();
        int Bucket(TimeSpan t) => DashboardFigures.HandlingBounds.Select((b, i) => (Bound: b, Index: i)).FirstOrDefault(x => t <= x.Bound, (Bound: TimeSpan.MaxValue, Index: 9)).Index;
        DashboardClock Clock(ComplaintRecord r) => r.Details.Kind switch
        {
            ComplaintKind.Inquiry => DashboardClock.InquiryAnswer,
            ComplaintKind.Suggestion => DashboardClock.SuggestionReply,
            _ => r.Extended ? DashboardClock.ComplaintExtended : DashboardClock.ComplaintResolution,
        };
        var monday = filter.From.AddDays(-(((int)filter.From.DayOfWeek + 6) % 7));
        var weeks = new List<DashboardWeek>();
        for (var w = monday; w <= filter.To; w = w.AddDays(7))
        {
            var week = cases.Where(r => Local(r.Details.ReceivedAtUtc) >= w && Local(r.Details.ReceivedAtUtc) < w.AddDays(7)).ToList();
            weeks.Add(new DashboardWeek(w, week.Count(r => r.Details.Kind == ComplaintKind.Complaint), week.Count(r => r.Details.Kind == ComplaintKind.Inquiry), week.Count(r => r.Details.Kind == ComplaintKind.Suggestion)));
        }

        var withFindings = cases.Where(r => r.Findings is not null).ToList();
        var executed = cases.Where(r => r is { ExecutionReference: not null, Remedy: not null }).ToList();
        return new DashboardFigures(filter)
        {
            Received = cases.Count,
            ReceivedPerWeek = weeks,
            ReceivedByKind = [.. Enum.GetValues<ComplaintKind>().Select(k => new DashboardCount<ComplaintKind>(k, cases.Count(r => r.Details.Kind == k)))],
            ReceivedByCategory = [.. Enum.GetValues<Category>().Select(c => new DashboardCount<Category>(c, cases.Count(r => r.Details.Category == c)))],
            ReceivedByLocation = [.. cases.GroupBy(r => r.Details.Location).Select(g => new DashboardCount<string?>(g.Key, g.Count()))
                .OrderByDescending(c => c.Count).ThenBy(c => c.Key, StringComparer.Ordinal)],
            OpenByStage = [.. new[] { CaseStage.Intake, CaseStage.Investigation, CaseStage.Approval, CaseStage.Resolution, CaseStage.Execution, CaseStage.FollowUp }
                .Select(s => new DashboardCount<CaseStage>(s, cases.Count(r => r.Stage == s)))],
            ClosedByOutcome = [.. Enum.GetValues<CaseOutcome>().Where(o => o != CaseOutcome.Unknown).Select(o => new DashboardCount<CaseOutcome>(o, cases.Count(r => r.Outcome == o)))],
            Sla = [.. cases.Where(r => r is { RespondedAtUtc: not null, ResponseDueAtUtc: not null })
                .GroupBy(r => (Clock: Clock(r), r.DepartmentId))
                .OrderBy(g => g.Key.Clock).ThenBy(g => g.Key.DepartmentId, StringComparer.Ordinal)
                .Select(g => new DashboardSla(g.Key.Clock, g.Key.DepartmentId, g.Count(r => r.RespondedAtUtc <= r.ResponseDueAtUtc), g.Count(r => r.RespondedAtUtc > r.ResponseDueAtUtc)))],
            TimeToResolve = [.. Enumerable.Range(0, 10).Select(i => new DashboardBucket(i, i < 9 ? DashboardFigures.HandlingBounds[i] : null, responded.Count(t => Bucket(t) == i)))],
            MedianBucket = responded.Count == 0 ? null : Bucket(responded[(int)Math.Ceiling(0.5m * responded.Count) - 1]),
            P90Bucket = responded.Count == 0 ? null : Bucket(responded[(int)Math.Ceiling(0.9m * responded.Count) - 1]),
            EscalatedToManager = cases.Count(r => r.EscalationLevel >= 1),
            EscalatedToCentreHead = cases.Count(r => r.EscalationLevel >= 2),
            Remedies = [.. Enum.GetValues<RemedyType>().Select(t => new DashboardRemedy(t, executed.Count(r => r.Remedy!.Type == t), executed.Where(r => r.Remedy!.Type == t).Sum(r => r.Remedy!.Amount ?? 0)))],
            Ratings = [.. Enumerable.Range(1, 5).Select(n => new DashboardCount<int>(n, cases.Count(r => r.SurveyRating == n)))],
            ClosedCases = cases.Count(r => closedStages.Contains(r.Stage)),
            ReopenedCases = cases.Count(r => closedStages.Contains(r.Stage) && r.ReopenCount >= 1),
            TopRootCauses = [.. withFindings.Select(r => string.Join(' ', r.Findings!.RootCause.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant())
                .Where(k => k.Length > 0).GroupBy(k => k).Select(g => new DashboardCount<string>(g.Key, g.Count()))
                .OrderByDescending(c => c.Count).ThenBy(c => c.Key, StringComparer.Ordinal).Take(10)],
            ResponsibleParties = [.. Enum.GetValues<ResponsibleParty>().Select(p => new DashboardCount<ResponsibleParty>(p, withFindings.Count(r => r.Findings!.ResponsibleParty == p)))],
        };
    }

    protected static void AssertSame(DashboardFigures expected, DashboardFigures actual)
    {
        Assert.Equal(expected.Received, actual.Received);
        Assert.Equal(expected.ReceivedPerWeek, actual.ReceivedPerWeek);
        Assert.Equal(expected.ReceivedByKind, actual.ReceivedByKind);
        Assert.Equal(expected.ReceivedByCategory, actual.ReceivedByCategory);
        Assert.Equal(expected.ReceivedByLocation, actual.ReceivedByLocation);
        Assert.Equal(expected.OpenByStage, actual.OpenByStage);
        Assert.Equal(expected.ClosedByOutcome, actual.ClosedByOutcome);
        Assert.Equal(expected.Sla, actual.Sla);
        Assert.Equal(expected.TimeToResolve, actual.TimeToResolve);
        Assert.Equal(expected.MedianBucket, actual.MedianBucket);
        Assert.Equal(expected.P90Bucket, actual.P90Bucket);
        Assert.Equal(expected.EscalatedToManager, actual.EscalatedToManager);
        Assert.Equal(expected.EscalatedToCentreHead, actual.EscalatedToCentreHead);
        Assert.Equal(expected.Remedies, actual.Remedies);
        Assert.Equal(expected.Ratings, actual.Ratings);
        Assert.Equal(expected.ClosedCases, actual.ClosedCases);
        Assert.Equal(expected.ReopenedCases, actual.ReopenedCases);
        Assert.Equal(expected.ReopenRate, actual.ReopenRate);
        Assert.Equal(expected.TopRootCauses, actual.TopRootCauses);
        Assert.Equal(expected.ResponsibleParties, actual.ResponsibleParties);
    }
}
