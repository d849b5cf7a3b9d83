using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using ServerlessComplaints.Workflow.Calendar;
using ServerlessComplaints.Workflow.Cases;
using ServerlessComplaints.Workflow.Domain;
using ServerlessComplaints.Workflow.Intake;
using ServerlessComplaints.Workflow.Lifecycle;
using ServerlessComplaints.Workflow.Lifecycle.Events;
using ServerlessComplaints.Workflow.Localization;
using ServerlessComplaints.Workflow.Workspace;

namespace ServerlessComplaints.Integration.Tests.LocalService;

// The seeded cases and the figures the test computes itself, by the contract's definitions (Workspace/Dashboard.cs),
// from the records the staff API lists: plain LINQ, none of the product's aggregation code.
public partial class DashboardOverHttpTests
{
    private const int Seeded = 30;

    private static readonly Dictionary<string, List<string>> _closed = new(StringComparer.Ordinal);

    private static readonly string[] RootCauses = ["  Heating  element fault ", "heating element FAULT", "配送  延误", "包装破损", "   "];

    // Cases in every stage, kind, several departments (and none), escalated, extended, reopened, with findings, remedies
    // carried out (with and without amounts), answers in and out of time (and without a deadline), ratings, and two
    // received before the period (not counted). Written to the service's own table store, which keeps the aggregates.
    private async Task<(string Marker, DateOnly From, DateOnly To)> SeedAsync()
    {
        var services = fixture.Service.App.Services;
        var store = services.GetRequiredService<IComplaintStore>();
        var zone = services.GetRequiredService<BusinessCalendar>().TimeZone;
        var marker = "一致性" + Guid.NewGuid().ToString("N")[..8];
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, zone));
        var from = today.AddDays(-70);
        var fromUtc = TimeZoneInfo.ConvertTimeToUtc(from.ToDateTime(TimeOnly.MinValue), zone);
        CaseStage[] stages = [CaseStage.Investigation, CaseStage.Closed, CaseStage.Approval, CaseStage.Archived, CaseStage.FollowUp, CaseStage.Closed, CaseStage.Intake, CaseStage.Failed, CaseStage.Closed, CaseStage.Execution];
        string?[] departments = [null, "quality", "service", "logistics"];
        var closed = new List<string>();
        for (var i = 0; i < Seeded; i++)
        {
            var received = i < 2 ? fromUtc.AddHours(-30 - i) : fromUtc.AddHours(i * 53 + 7);
            var kind = i % 5 == 0 ? ComplaintKind.Inquiry : i % 7 == 0 ? ComplaintKind.Suggestion : ComplaintKind.Complaint;
            var stage = stages[i % stages.Length];
            var isClosed = stage is CaseStage.Closed or CaseStage.Archived;
            var responded = i % 3 != 2 ? received.AddHours(i * 5 - 2) : (DateTime?)null;
            var record = new ComplaintRecord(new ComplaintDetails(
                TrackingNumber.New(received, zone), kind, (Category)(i % 6), Channel.Web, $"{marker} 第{i}号：电水壶漏水", "电水壶底部漏水。",
                new Customer("测试客户", "dashboard@example.cn", null), "zh-CN", received, Location: marker))
            {
                Stage = stage,
                DepartmentId = departments[i % departments.Length],
                OwnerId = "zhang.wei",
                DueAtUtc = received.AddDays(3),
                EscalationLevel = i % 5 == 4 ? 2 : i % 4 == 3 ? 1 : 0,
                Extended = i % 6 == 1,
                ReopenCount = isClosed && i % 4 == 1 ? 1 : 0,
                Findings = i % 3 != 0 ? new FindingsSubmitted("zhang.wei", RootCauses[i % RootCauses.Length], (ResponsibleParty)(i % 4), "事实", new Remedy(RemedyType.Refund, 10m, "退款")) : null,
                Remedy = i % 2 == 1 ? new Remedy((RemedyType)(i % 7), i % 3 == 0 ? null : 10.5m * i, "补救") : null,
                ExecutionReference = i % 2 == 1 && i % 5 != 3 ? "EXEC-" + i : null,
                RespondedAtUtc = responded,
                ResponseDueAtUtc = responded is null || i % 11 == 0 ? null : received.AddDays(i % 4 == 0 ? 0.5 : 3),
                SurveyRating = isClosed && i % 6 != 0 ? i % 6 : null,
                Outcome = isClosed ? (CaseOutcome)(1 + (i % (Enum.GetValues<CaseOutcome>().Length - 1))) : null,
                ClosedAtUtc = isClosed ? received.AddDays(4) : null,
            };
            Assert.True(await store.TryAddAsync(record, CancellationToken.None));
            if (isClosed && i >= 2)
            {
                closed.Add(record.TrackingNumber);
            }
        }

        lock (_closed)
        {
            _closed[marker] = closed;
        }

        return (marker, from, today);
    }

    private static DashboardFigures Compute(IReadOnlyList<ComplaintRecord> all, TimeZoneInfo zone, DateOnly from, DateOnly to)
    {
        DateOnly LocalDate(DateTime utc) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(utc, zone));
        var cases = all.Where(r => LocalDate(r.Details.ReceivedAtUtc) >= from && LocalDate(r.Details.ReceivedAtUtc) <= to).ToList();
        var monday = from.AddDays(-(((int)from.DayOfWeek + 6) % 7));
        var weeks = new List<DashboardWeek>();
        for (var week = monday; week <= to; week = week.AddDays(7))
        {
            var inWeek = cases.Where(r => LocalDate(r.Details.ReceivedAtUtc) is var d && d >= week && d < week.AddDays(7)).ToList();
            weeks.Add(new DashboardWeek(week, inWeek.Count(r => r.Details.Kind == ComplaintKind.Complaint), inWeek.Count(r => r.Details.Kind == ComplaintKind.Inquiry), inWeek.Count(r => r.Details.Kind == ComplaintKind.Suggestion)));
        }

        var stopped = cases.Where(r => r.RespondedAtUtc is not null).ToList();
        var times = stopped.Select(r => r.RespondedAtUtc!.Value - r.Details.ReceivedAtUtc).Order().ToList();
        int Bucket(TimeSpan t) => DashboardFigures.HandlingBounds.Select((bound, index) => (Bound: bound, Index: index)).FirstOrDefault(x => t <= x.Bound, (Bound: TimeSpan.MaxValue, Index: 9)).Index;
        int? Rank(double p) => times.Count == 0 ? null : Bucket(times[(int)Math.Ceiling(p * times.Count) - 1]);
        DashboardClock Clock(ComplaintRecord r) => r.Details.Kind switch
        {
            ComplaintKind.Inquiry => DashboardClock.InquiryAnswer,
            ComplaintKind.Suggestion => DashboardClock.SuggestionReply,
            _ => r.Extended ? DashboardClock.ComplaintExtended : DashboardClock.ComplaintResolution,
        };
        var closed = cases.Where(r => r.Stage is CaseStage.Closed or CaseStage.Archived).ToList();
        var withFindings = cases.Where(r => r.Findings is not null).ToList();
        var carriedOut = cases.Where(r => r.ExecutionReference is not null && r.Remedy is not null).ToList();
        return new DashboardFigures(new DashboardFilter(from, to))
        {
            Received = cases.Count,
            ReceivedPerWeek = weeks,
            ReceivedByKind = [.. Enum.GetValues<ComplaintKind>().Select(k => new DashboardCount<ComplaintKind>(k, cases.Count(r => r.Details.Kind == k)))],
            ReceivedByCategory = [.. Enum.GetValues<Category>().Select(c => new DashboardCount<Category>(c, cases.Count(r => r.Details.Category == c)))],
            ReceivedByLocation = [.. cases.GroupBy(r => r.Details.Location).Select(g => new DashboardCount<string?>(g.Key, g.Count())).OrderByDescending(c => c.Count).ThenBy(c => c.Key is null ? 0 : 1).ThenBy(c => c.Key, StringComparer.Ordinal)],
            OpenByStage = [.. Enum.GetValues<CaseStage>().Where(s => s is not (CaseStage.Closed or CaseStage.Archived or CaseStage.Failed or CaseStage.Unknown)).Select(s => new DashboardCount<CaseStage>(s, cases.Count(r => r.Stage == s)))],
            ClosedByOutcome = [.. Enum.GetValues<CaseOutcome>().Where(o => o != CaseOutcome.Unknown).Select(o => new DashboardCount<CaseOutcome>(o, cases.Count(r => r.Outcome == o)))],
            Sla = [.. stopped.Where(r => r.ResponseDueAtUtc is not null).GroupBy(r => (Clock: Clock(r), r.DepartmentId))
                .Select(g => new DashboardSla(g.Key.Clock, g.Key.DepartmentId, g.Count(r => r.RespondedAtUtc <= r.ResponseDueAtUtc), g.Count(r => r.RespondedAtUtc > r.ResponseDueAtUtc)))
                .OrderBy(s => s.Clock).ThenBy(s => s.DepartmentId is null ? 0 : 1).ThenBy(s => s.DepartmentId, StringComparer.Ordinal)],
            TimeToResolve = [.. Enumerable.Range(0, 10).Select(i => new DashboardBucket(i, i < 9 ? DashboardFigures.HandlingBounds[i] : null, times.Count(t => Bucket(t) == i)))],
            MedianBucket = Rank(0.5),
            P90Bucket = Rank(0.9),
            EscalatedToManager = cases.Count(r => r.EscalationLevel >= 1),
            EscalatedToCentreHead = cases.Count(r => r.EscalationLevel >= 2),
            Remedies = [.. Enum.GetValues<RemedyType>().Select(t => new DashboardRemedy(t, carriedOut.Count(r => r.Remedy!.Type == t), carriedOut.Where(r => r.Remedy!.Type == t).Sum(r => r.Remedy!.Amount ?? 0)))],
            Ratings = [.. Enumerable.Range(1, 5).Select(n => new DashboardCount<int>(n, cases.Count(r => r.SurveyRating == n)))],
            ClosedCases = closed.Count,
            ReopenedCases = closed.Count(r => r.ReopenCount >= 1),
            TopRootCauses = [.. withFindings.Select(r => RootCauseKey(r.Findings!.RootCause)).Where(k => k.Length > 0).GroupBy(k => k, StringComparer.Ordinal)
                .Select(g => new DashboardCount<string>(g.Key, g.Count())).OrderByDescending(c => c.Count).ThenBy(c => c.Key, StringComparer.Ordinal).Take(DashboardFigures.TopRootCauseCount)],
            ResponsibleParties = [.. Enum.GetValues<ResponsibleParty>().Select(p => new DashboardCount<ResponsibleParty>(p, withFindings.Count(r => r.Findings!.ResponsibleParty == p)))],
        };
    }

    private static string RootCauseKey(string text)
    {
        var key = Whitespace().Replace(text.Trim(), " ").ToLowerInvariant();
        return key.Length > 100 ? key[..100] : key;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    private static void AssertSameFigures(DashboardFigures expected, DashboardFigures actual)
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

    // "figure/item/measure" → value, as the CSV of the dashboard's numbers writes them (numbers compared as decimals).
    private static IEnumerable<KeyValuePair<string, string?>> ExpectedCsv(DashboardFigures f)
    {
        static string N(decimal? n) => n?.ToString(CultureInfo.InvariantCulture) ?? "";
        KeyValuePair<string, string?> Row(string key, decimal? value) => new(key, N(value));
        yield return Row("headline/received/value", f.Received);
        yield return Row("headline/closed/value", f.ClosedCases);
        yield return Row("headline/reopened/value", f.ReopenedCases);
        yield return Row("headline/reopen-rate/value", f.ReopenRate is { } rate ? (decimal)Math.Round(100 * rate, 1, MidpointRounding.AwayFromZero) : null);
        yield return Row("headline/escalated-manager/value", f.EscalatedToManager);
        yield return Row("headline/escalated-centre-head/value", f.EscalatedToCentreHead);
        yield return Row("headline/median-bucket/value", f.MedianBucket);
        yield return Row("headline/p90-bucket/value", f.P90Bucket);
        foreach (var w in f.ReceivedPerWeek)
        {
            var week = w.WeekStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            yield return Row($"received-per-week/{week}/complaint", w.Complaints);
            yield return Row($"received-per-week/{week}/inquiry", w.Inquiries);
            yield return Row($"received-per-week/{week}/suggestion", w.Suggestions);
        }

        foreach (var c in f.ReceivedByKind) { yield return Row($"received-by-kind/{WireNames.Of(c.Key)}/count", c.Count); }
        foreach (var c in f.ReceivedByCategory) { yield return Row($"received-by-category/{WireNames.Of(c.Key)}/count", c.Count); }
        foreach (var c in f.ReceivedByLocation) { yield return Row($"received-by-location/{c.Key}/count", c.Count); }
        foreach (var c in f.OpenByStage) { yield return Row($"open-by-stage/{WireNames.Of(c.Key)}/count", c.Count); }
        foreach (var c in f.ClosedByOutcome) { yield return Row($"closed-by-outcome/{WireNames.Of(c.Key)}/count", c.Count); }
        foreach (var s in f.Sla)
        {
            var key = $"sla/{s.Clock.ToString().ToLowerInvariant()}/{s.DepartmentId}";
            yield return Row(key + "/met", s.Met);
            yield return Row(key + "/missed", s.Missed);
            yield return Row(key + "/percent", s.Percent is { } p ? (decimal)p : null);
        }

        foreach (var b in f.TimeToResolve) { yield return Row($"time-to-resolve/{b.Index}/count", b.Count); }
        yield return Row("escalations/manager/count", f.EscalatedToManager);
        yield return Row("escalations/centre-head/count", f.EscalatedToCentreHead);
        foreach (var r in f.Remedies)
        {
            yield return Row($"remedies/{WireNames.Of(r.Type)}/count", r.Count);
            yield return Row($"remedies/{WireNames.Of(r.Type)}/amount", r.Amount);
        }

        foreach (var c in f.Ratings) { yield return Row($"ratings/{c.Key}/count", c.Count); }
        foreach (var c in f.TopRootCauses) { yield return Row($"root-causes/{c.Key}/count", c.Count); }
        foreach (var c in f.ResponsibleParties) { yield return Row($"responsible-parties/{WireNames.Of(c.Key)}/count", c.Count); }
    }

    /// <summary>RFC 4180 as the export writes it: quoted fields with doubled quotes, CRLF between records.</summary>
    private static class Csv
    {
        public static List<string[]> Parse(string text)
        {
            var records = new List<string[]>();
            var fields = new List<string>();
            var field = new StringBuilder();
            var quoted = false;
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (quoted)
                {
                    if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                    else if (c == '"') { quoted = false; }
                    else { field.Append(c); }
                }
                else if (c == '"') { quoted = true; }
                else if (c == ',') { fields.Add(field.ToString()); field.Clear(); }
                else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    fields.Add(field.ToString()); field.Clear(); records.Add([.. fields]); fields.Clear(); i++;
                }
                else { field.Append(c); }
            }

            if (field.Length > 0 || fields.Count > 0)
            {
                fields.Add(field.ToString());
                records.Add([.. fields]);
            }

            return records;
        }
    }
}
