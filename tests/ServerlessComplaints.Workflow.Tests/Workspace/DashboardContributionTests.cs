using ServerlessComplaints.Workflow.Cases;
using ServerlessComplaints.Workflow.Domain;
using ServerlessComplaints.Workflow.Lifecycle;
using ServerlessComplaints.Workflow.Lifecycle.Events;
using ServerlessComplaints.Workflow.Workspace;

namespace ServerlessComplaints.Workflow.Tests.Workspace;

public sealed class DashboardContributionTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    // Sunday 22 March 2026, 17:00 UTC = Monday 23 March, 01:00 in Shanghai.
    private static readonly DateTime Received = new(2026, 3, 22, 17, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Of_ClosedComplaint_CountsEveryMeasureOnce()
    {
        var record = Case() with
        {
            Stage = CaseStage.Archived,
            DepartmentId = "quality",
            EscalationLevel = 2,
            Extended = true,
            ReopenCount = 1,
            RespondedAtUtc = Received.AddHours(30),
            ResponseDueAtUtc = Received.AddDays(2),
            Findings = new FindingsSubmitted("li.lei", "  Heating   Element \n faulty ", ResponsibleParty.Company, "facts", new Remedy(RemedyType.Refund, 300m, "refund")),
            Remedy = new Remedy(RemedyType.Refund, 299.5m, "refund"),
            ExecutionReference = "R-1",
            SurveyRating = 4,
            Outcome = CaseOutcome.Resolved,
        };

        var contribution = DashboardContribution.Of(record, Shanghai);

        Assert.Equal(new DateOnly(2026, 3, 23), contribution.ReceivedOn);
        Assert.Equal(new DateOnly(2026, 3, 23), contribution.WeekStart);
        Assert.Equal(
            new Dictionary<string, decimal>
            {
                ["k:complaint"] = 1, ["c:product-quality"] = 1, ["l:浦东店"] = 1, ["o:resolved"] = 1,
                ["m:1:=quality"] = 1, ["h:2"] = 1, ["e1"] = 1, ["e2"] = 1, ["n:refund"] = 1, ["a:refund"] = 299.5m,
                ["r:4"] = 1, ["cl"] = 1, ["ro"] = 1, ["q:heating element faulty"] = 1, ["p:company"] = 1,
            },
            contribution.Measures);
    }

    [Fact]
    public void Of_OpenInquiryAnsweredLate_CountsTheStageAndAMissedClock()
    {
        var record = Case(kind: ComplaintKind.Inquiry, location: null) with
        {
            Stage = CaseStage.FollowUp,
            RespondedAtUtc = Received.AddDays(3),
            ResponseDueAtUtc = Received.AddDays(1),
        };

        var measures = DashboardContribution.Of(record, Shanghai).Measures;

        Assert.Equal(1, measures["s:follow-up"]);
        Assert.Equal(1, measures["x:2:"]);
        Assert.Equal(1, measures["l-"]);
        Assert.Equal(1, measures["h:3"]);
        Assert.DoesNotContain("cl", measures.Keys);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(4 * 60, 0)]
    [InlineData(4 * 60 + 1, 1)]
    [InlineData(24 * 60, 1)]
    [InlineData(30 * 24 * 60, 8)]
    [InlineData(30 * 24 * 60 + 1, 9)]
    [InlineData(-5, 0)]
    public void BucketOf_ElapsedMinutes_IsTheFirstBoundNotExceeded(int minutes, int bucket) =>
        Assert.Equal(bucket, DashboardContribution.BucketOf(TimeSpan.FromMinutes(minutes)));

    [Fact]
    public void RootCauseKey_TrimsCollapsesLowersAndCuts()
    {
        Assert.Equal("late courier", DashboardContribution.RootCauseKey("  Late\t\tCOURIER "));
        Assert.Equal("", DashboardContribution.RootCauseKey("   "));
        Assert.Equal(100, DashboardContribution.RootCauseKey(new string('x', 150)).Length);
    }

    [Fact]
    public void ApplyTo_TheFirstOfferSent_StopsTheClockAgainstTheDeadlineThenInForce()
    {
        var due = Received.AddDays(5);
        var record = Case() with { DueAtUtc = due };
        var first = new CaseProgress(record.TrackingNumber, "e-1", Received.AddDays(2), "system", TimelineCodes.OfferSent);
        var second = new CaseProgress(record.TrackingNumber, "e-2", Received.AddDays(9), "system", TimelineCodes.OfferSent) { DueAtUtc = Received.AddDays(20) };

        var once = first.ApplyTo(record);
        var twice = second.ApplyTo(first.ApplyTo(once));

        Assert.Equal(Received.AddDays(2), once.RespondedAtUtc);
        Assert.Equal(due, once.ResponseDueAtUtc);
        Assert.Equal(once.RespondedAtUtc, twice.RespondedAtUtc);
        Assert.Equal(due, twice.ResponseDueAtUtc);
    }

    [Fact]
    public void ApplyTo_FindingsOrSurvey_LeaveTheClockRunning()
    {
        var record = Case();

        var after = new CaseProgress(record.TrackingNumber, "e-1", Received.AddDays(1), "li.lei", TimelineCodes.Findings).ApplyTo(record);

        Assert.Null(after.RespondedAtUtc);
    }

    [Fact]
    public void Matches_FiltersByLocalDateAndExactDimensions()
    {
        var contribution = DashboardContribution.Of(Case() with { DepartmentId = "quality" }, Shanghai);

        Assert.True(contribution.Matches(new DashboardFilter(new(2026, 3, 23), new(2026, 3, 23), "quality", "浦东店", Category.ProductQuality)));
        Assert.False(contribution.Matches(new DashboardFilter(new(2026, 3, 16), new(2026, 3, 22))));
        Assert.False(contribution.Matches(new DashboardFilter(new(2026, 3, 1), new(2026, 3, 31), DepartmentId: "Quality")));
        Assert.False(contribution.Matches(new DashboardFilter(new(2026, 3, 1), new(2026, 3, 31), Location: "浦东")));
    }

    private static ComplaintRecord Case(ComplaintKind kind = ComplaintKind.Complaint, string? location = "浦东店") =>
        new(new ComplaintDetails("CMP-20260323-AAAAAA", kind, Category.ProductQuality, Channel.Web, "subject", "description",
            new Customer("王芳", "wang.fang@example.cn", null), "zh-CN", Received, location))
        {
            Stage = CaseStage.Investigation,
        };
}
