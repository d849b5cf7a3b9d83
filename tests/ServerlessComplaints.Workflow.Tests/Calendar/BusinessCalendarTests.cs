using ServerlessComplaints.Workflow.Calendar;
using static ServerlessComplaints.Workflow.Tests.Calendar.TestCalendars;

namespace ServerlessComplaints.Workflow.Tests.Calendar;

public sealed class BusinessCalendarTests
{
    [Fact]
    public void AddWorkingDays_FridayEveningBeforeSpringFestival_CountsMakeUpSaturdayThenSkipsHolidays()
    {
        var received = At(2026, 2, 13, 20, 0, Shanghai);

        var due = China.AddWorkingDays(received, 3);

        // Day 1 = make-up Sat 14 Feb, holidays 15–23 Feb, day 2 = Tue 24, day 3 = Wed 25 -> Thu 26 Feb 00:00 +08.
        Assert.Equal(Utc(2026, 2, 25, 16), due);
        Assert.Equal(DateTimeKind.Utc, due.Kind);
    }

    [Fact]
    public void AddWorkingDays_HolidayWeekBetweenMakeUpWeekends_CountsBothMakeUpDays()
    {
        var calendar = HolidayWeek();
        var received = At(2026, 3, 13, 15, 0, Shanghai);

        var due = calendar.AddWorkingDays(received, 3);

        // Day 1 = make-up Sat 14, Mon–Fri 16–20 off, Sat 21 off, day 2 = make-up Sun 22, day 3 = Mon 23 -> Tue 24 00:00.
        Assert.Equal(Utc(2026, 3, 23, 16), due);
    }

    [Theory]
    [InlineData(7, 9, 0)]
    [InlineData(7, 23, 59)]
    [InlineData(8, 0, 5)]
    public void AddWorkingDays_ReceivedOnWeekend_CountsFromNextWorkingDay(int day, int hour, int minute)
    {
        var received = At(2026, 3, day, hour, minute, Shanghai);

        var due = China.AddWorkingDays(received, 1);

        // Day 1 = Mon 9 March -> Tue 10 March 00:00 +08.
        Assert.Equal(Utc(2026, 3, 9, 16), due);
    }

    [Fact]
    public void AddWorkingDays_FridayJustAfterAndBeforeMidnight_SameDue()
    {
        var early = At(2026, 3, 6, 0, 30, Shanghai);   // still Thursday in UTC
        var late = At(2026, 3, 6, 23, 30, Shanghai);

        var dueEarly = China.AddWorkingDays(early, 3);
        var dueLate = China.AddWorkingDays(late, 3);

        // Mon 9, Tue 10, Wed 11 -> Thu 12 March 00:00 +08.
        Assert.Equal(Utc(2026, 3, 11, 16), dueEarly);
        Assert.Equal(dueEarly, dueLate);
    }

    [Fact]
    public void AddWorkingDays_BerlinAcrossEndOfSummerTime_DueAtLocalMidnightInWinterTime()
    {
        var calendar = Weekends("Europe/Berlin");
        var received = At(2026, 10, 23, 10, 0, TimeSpan.FromHours(2));

        var due = calendar.AddWorkingDays(received, 3);

        // Mon 26, Tue 27, Wed 28 -> Thu 29 October 00:00 CET (+01), summer time ended on 25 October.
        Assert.Equal(Utc(2026, 10, 28, 23), due);
    }

    [Fact]
    public void AddWorkingDays_NewYorkAcrossStartOfDaylightTime_DueAtLocalMidnightInDaylightTime()
    {
        var calendar = Weekends("America/New_York");
        var received = At(2026, 3, 6, 10, 0, TimeSpan.FromHours(-5));

        var due = calendar.AddWorkingDays(received, 3);

        // Mon 9, Tue 10, Wed 11 -> Thu 12 March 00:00 EDT (-04), daylight time began on 8 March.
        Assert.Equal(Utc(2026, 3, 12, 4), due);
    }

    [Fact]
    public void AddWorkingDays_LocalMidnightSkippedByClockChange_DueAtFirstInstantOfNextDay()
    {
        var calendar = EveryDay("America/Havana");
        var received = At(2026, 3, 6, 12, 0, TimeSpan.FromHours(-5));

        var due = calendar.AddWorkingDays(received, 1);

        // Day 1 = Sat 7 March; Havana jumps from Sat 23:59:59 CST to Sun 01:00 CDT, which is 05:00Z.
        Assert.Equal(Utc(2026, 3, 8, 5), due);
    }

    [Fact]
    public void AddWorkingDays_LocalMidnightRepeatedByClockChange_DueAtFirstOccurrence()
    {
        var calendar = EveryDay("America/Havana");
        var received = At(2026, 10, 30, 12, 0, TimeSpan.FromHours(-4));

        var due = calendar.AddWorkingDays(received, 1);

        // Day 1 = Sat 31 October; Sun 1 November 00:00 occurs at 04:00Z (CDT) and again at 05:00Z (CST).
        Assert.Equal(Utc(2026, 11, 1, 4), due);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void AddWorkingDays_CountBelowOne_Throws(int n)
    {
        var received = Utc(2026, 3, 2, 1);

        Assert.Throws<ArgumentOutOfRangeException>(() => China.AddWorkingDays(received, n));
    }

    [Fact]
    public void AddWorkingDays_NoWorkingDayEver_ThrowsInsteadOfLoopingForever()
    {
        var calendar = new BusinessCalendar("XX", TimeZoneInfo.Utc, Enum.GetValues<DayOfWeek>(), [], []);

        var error = Assert.Throws<InvalidOperationException>(() => calendar.AddWorkingDays(Utc(2026, 1, 1, 0), 1));

        Assert.Contains("no working day", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-01-04", true)]   // Sunday make-up workday
    [InlineData("2026-02-14", true)]   // Saturday make-up workday
    [InlineData("2026-01-01", false)]  // Thursday holiday
    [InlineData("2026-01-03", false)]  // Saturday holiday
    [InlineData("2026-03-07", false)]  // ordinary Saturday
    [InlineData("2026-03-09", true)]   // ordinary Monday
    [InlineData("2026-10-07", false)]  // Wednesday, last day of National Day
    [InlineData("2026-10-10", true)]   // Saturday make-up workday
    public void IsWorkingDay_China2026_FollowsStateCouncilNotice(string date, bool expected)
    {
        var day = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);

        var working = China.IsWorkingDay(day);

        Assert.Equal(expected, working);
    }

    [Fact]
    public void LocalDate_UtcAfternoonInShanghai_IsNextCalendarDay()
    {
        var instant = Utc(2026, 3, 5, 16, 30);

        var date = China.LocalDate(instant);

        Assert.Equal(new DateOnly(2026, 3, 6), date);
    }

    [Fact]
    public void LocalDate_UnspecifiedKind_TreatedAsUtc()
    {
        var instant = new DateTime(2026, 3, 5, 16, 30, 0, DateTimeKind.Unspecified);

        var date = China.LocalDate(instant);

        Assert.Equal(new DateOnly(2026, 3, 6), date);
    }

    [Fact]
    public void LocalDate_LocalKind_Throws()
    {
        var instant = new DateTime(2026, 3, 5, 16, 30, 0, DateTimeKind.Local);

        Assert.Throws<ArgumentException>(() => China.LocalDate(instant));
    }

    [Fact]
    public void Constructor_DateBothHolidayAndMakeUpWorkday_Throws()
    {
        var day = new DateOnly(2026, 3, 14);

        var error = Assert.Throws<ArgumentException>(() =>
            new BusinessCalendar("XX", TimeZoneInfo.Utc, [DayOfWeek.Saturday, DayOfWeek.Sunday], [day], [day]));

        Assert.Contains("2026-03-14", error.Message, StringComparison.Ordinal);
    }
}
