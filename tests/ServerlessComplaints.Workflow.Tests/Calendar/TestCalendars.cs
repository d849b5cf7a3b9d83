using ServerlessComplaints.Workflow.Calendar;

namespace ServerlessComplaints.Workflow.Tests.Calendar;

/// <summary>Calendars shared by the calendar and SLA tests.</summary>
internal static class TestCalendars
{
    public static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);

    private static readonly Lazy<BusinessCalendar> ChinaCalendar = new(() => BusinessCalendar.LoadRegion("CN"));

    /// <summary>The shipped Calendars/CN.json from the test output folder.</summary>
    public static BusinessCalendar China => ChinaCalendar.Value;

    /// <summary>Weekends Sat/Sun; holiday week Mon 16 – Fri 20 March 2026; make-up Sat 14 and Sun 22 March.</summary>
    public static BusinessCalendar HolidayWeek(string timeZone = "Asia/Shanghai") => new(
        "XX",
        TimeZoneInfo.FindSystemTimeZoneById(timeZone),
        [DayOfWeek.Saturday, DayOfWeek.Sunday],
        [new(2026, 3, 16), new(2026, 3, 17), new(2026, 3, 18), new(2026, 3, 19), new(2026, 3, 20)],
        [new(2026, 3, 14), new(2026, 3, 22)]);

    /// <summary>Plain Saturday/Sunday weekends without holidays in the given zone.</summary>
    public static BusinessCalendar Weekends(string timeZone) => new(
        "XX", TimeZoneInfo.FindSystemTimeZoneById(timeZone), [DayOfWeek.Saturday, DayOfWeek.Sunday], [], []);

    /// <summary>Every day is a working day, so every local midnight is a deadline candidate.</summary>
    public static BusinessCalendar EveryDay(string timeZone) => new(
        "XX", TimeZoneInfo.FindSystemTimeZoneById(timeZone), [], [], []);

    /// <summary>The UTC instant of a local wall-clock time at a fixed offset.</summary>
    public static DateTime At(int year, int month, int day, int hour, int minute, TimeSpan offset) =>
        new DateTimeOffset(year, month, day, hour, minute, 0, offset).UtcDateTime;

    public static DateTime Utc(int year, int month, int day, int hour, int minute = 0) =>
        new(year, month, day, hour, minute, 0, DateTimeKind.Utc);
}
