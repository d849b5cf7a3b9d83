using ServerlessComplaints.Workflow.Calendar;
using ServerlessComplaints.Workflow.Workspace;
using static ServerlessComplaints.Workflow.Tests.Calendar.TestCalendars;

namespace ServerlessComplaints.Workflow.Tests.Workspace;

public sealed class SlaCountdownsTests
{
    // Friday 13 March 2026, 12:00 in Shanghai; three working days on the holiday-week calendar run over make-up
    // Saturday 14, make-up Sunday 22 and Monday 23: due at the end of Monday 23 March (84 working hours).
    private static readonly DateTime Received = At(2026, 3, 13, 12, 0, Shanghai);

    private readonly SlaCountdowns _countdowns = new(HolidayWeek());

    private DateTime Due => new SlaClock(HolidayWeek(), new SlaOptions { Region = "XX" }).Deadline(Received, SlaSpan.FromWorkingDays(3));

    [Fact]
    public void For_DuringTheHolidayWeek_CountsNoneOfItsDays()
    {
        var countdown = _countdowns.For(Received, Due, open: true, At(2026, 3, 18, 10, 0, Shanghai));

        Assert.Equal(At(2026, 3, 24, 0, 0, Shanghai), Due);
        Assert.Equal(SlaRisk.OnTrack, countdown.Risk);
        Assert.Equal(TimeSpan.FromHours(48), countdown.WorkingTimeLeft);
        Assert.Equal(36.0 / 84, countdown.FractionUsed, 6);
    }

    [Theory]
    [InlineData(22, 12, SlaRisk.PastHalf, 36)]
    [InlineData(23, 8, SlaRisk.Past80, 16)]
    [InlineData(24, 10, SlaRisk.Overdue, -10)]
    public void For_LaterOnTheMakeUpDays_MovesThroughTheRiskBands(int day, int hour, SlaRisk risk, int hoursLeft)
    {
        var countdown = _countdowns.For(Received, Due, open: true, At(2026, 3, day, hour, 0, Shanghai));

        Assert.Equal(risk, countdown.Risk);
        Assert.Equal(TimeSpan.FromHours(hoursLeft), countdown.WorkingTimeLeft);
    }

    [Fact]
    public void For_OverTheWeekend_StandsStill()
    {
        var calendar = new SlaCountdowns(Weekends("Asia/Shanghai"));
        var received = At(2026, 3, 6, 18, 0, Shanghai);
        var due = At(2026, 3, 10, 0, 0, Shanghai);

        var saturday = calendar.For(received, due, open: true, At(2026, 3, 7, 12, 0, Shanghai));
        var sunday = calendar.For(received, due, open: true, At(2026, 3, 8, 23, 0, Shanghai));

        Assert.Equal(TimeSpan.FromHours(24), saturday.WorkingTimeLeft);
        Assert.Equal(saturday, sunday);
        Assert.Equal(0.2, saturday.FractionUsed, 6);
    }

    [Fact]
    public void For_ClosedOrWithoutDeadline_IsNone()
    {
        var closed = _countdowns.For(Received, Due, open: false, Received.AddHours(1));
        var noDeadline = _countdowns.For(Received, null, open: true, Received.AddHours(1));

        Assert.Equal(SlaCountdown.None, closed);
        Assert.Equal(SlaCountdown.None, noDeadline);
    }

    [Fact]
    public void For_DeadlineOnAHolidayWithinIt_IsOverdueOnceItPasses()
    {
        // An elapsed-hours deadline that falls in the holiday week: no working time in between, so all or nothing.
        var received = At(2026, 3, 17, 9, 0, Shanghai);

        var before = _countdowns.For(received, received.AddHours(24), open: true, received.AddHours(1));
        var after = _countdowns.For(received, received.AddHours(24), open: true, received.AddHours(25));

        Assert.Equal(SlaRisk.OnTrack, before.Risk);
        Assert.Equal(TimeSpan.Zero, before.WorkingTimeLeft);
        Assert.Equal(SlaRisk.Overdue, after.Risk);
        Assert.Equal(1, after.FractionUsed);
    }

    [Fact]
    public void WorkingTime_AcrossTheDaylightSavingChange_CountsTheShortDay()
    {
        var countdowns = new SlaCountdowns(EveryDay("America/New_York"));

        var sunday = countdowns.WorkingTime(At(2026, 3, 8, 0, 0, TimeSpan.FromHours(-5)), At(2026, 3, 9, 0, 0, TimeSpan.FromHours(-4)));

        Assert.Equal(TimeSpan.FromHours(23), sunday);
    }
}
