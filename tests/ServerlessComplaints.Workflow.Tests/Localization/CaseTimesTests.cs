using ServerlessComplaints.Workflow.Calendar;
using ServerlessComplaints.Workflow.Localization;
using ServerlessComplaints.Workflow.Tests.Calendar;

namespace ServerlessComplaints.Workflow.Tests.Localization;

public class CaseTimesTests
{
    private static readonly CaseTimes Shanghai = new(TestCalendars.HolidayWeek());

    [Theory]
    [InlineData("zh-CN", "12月3日 24:00 前 (UTC+8)")]
    [InlineData("en", "by the end of 3 December (UTC+8)")]
    public void Deadline_AtLocalMidnight_EndOfThePreviousDay(string language, string expected)
    {
        var midnight = TestCalendars.At(2026, 12, 4, 0, 0, TestCalendars.Shanghai);

        var text = Shanghai.Deadline(midnight, CaseCulture.Of(language));

        Assert.Equal(expected, text);
    }

    [Theory]
    [InlineData("zh-CN", "11月24日 10:00 前 (UTC+8)")]
    [InlineData("en", "by 10:00 on 24 November (UTC+8)")]
    public void Deadline_NotAtMidnight_ByItsLocalTime(string language, string expected)
    {
        var due = TestCalendars.Utc(2026, 11, 24, 2);

        var text = Shanghai.Deadline(due, CaseCulture.Of(language));

        Assert.Equal(expected, text);
    }

    [Theory]
    [InlineData("zh-CN", "2026年11月23日 10:00 (UTC+8)")]
    [InlineData("en", "23 November 2026, 10:00 (UTC+8)")]
    public void At_UtcInstant_LocalTimeWithZone(string language, string expected)
    {
        var text = Shanghai.At(TestCalendars.Utc(2026, 11, 23, 2), CaseCulture.Of(language));

        Assert.Equal(expected, text);
    }

    [Fact]
    public void Zone_HalfHourAndSummerOffsets_Named()
    {
        Assert.Equal("UTC+5:30", new CaseTimes(TestCalendars.Weekends("Asia/Kolkata")).Zone(TestCalendars.Utc(2026, 1, 1, 0)));
        Assert.Equal("UTC+1", new CaseTimes(TestCalendars.Weekends("Europe/London")).Zone(TestCalendars.Utc(2026, 7, 1, 0)));
        Assert.Equal("UTC", new CaseTimes(TestCalendars.Weekends("Europe/London")).Zone(TestCalendars.Utc(2026, 1, 1, 0)));
    }

    [Theory]
    [InlineData("zh-CN", "3 个工作日", "24 小时", "1 个工作日")]
    [InlineData("en", "3 working days", "24 hours", "1 working day")]
    public void Span_ByItsRule(string language, string workingDays, string hours, string oneDay)
    {
        var culture = CaseCulture.Of(language);

        Assert.Equal(workingDays, CaseTimes.Span(SlaSpan.FromWorkingDays(3), culture));
        Assert.Equal(hours, CaseTimes.Span(SlaSpan.FromHours(24), culture));
        Assert.Equal(oneDay, CaseTimes.WorkingDays(1, culture));
    }
}
