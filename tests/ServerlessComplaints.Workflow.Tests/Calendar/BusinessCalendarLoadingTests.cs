using ServerlessComplaints.Workflow.Calendar;

namespace ServerlessComplaints.Workflow.Tests.Calendar;

public sealed class BusinessCalendarLoadingTests
{
    private const string ValidJson = """
        {
          "region": "CN", "timeZone": "Asia/Shanghai", "note": "ignored",
          "weekend": ["Saturday", "sunday"],
          "holidays": [ { "date": "2026-01-01", "name": "元旦 New Year's Day" } ],
          "makeUpWorkdays": [ { "date": "2026-01-04", "name": "元旦调休 New Year make-up workday" } ]
        }
        """;

    [Fact]
    public void FromJson_ValidDocument_ReadsEveryField()
    {
        var calendar = BusinessCalendar.FromJson(ValidJson);

        Assert.Equal("CN", calendar.Region);
        Assert.Equal(TimeSpan.FromHours(8), calendar.TimeZone.BaseUtcOffset);
        Assert.False(calendar.IsWorkingDay(new DateOnly(2026, 1, 1)));
        Assert.True(calendar.IsWorkingDay(new DateOnly(2026, 1, 4)));
        Assert.False(calendar.IsWorkingDay(new DateOnly(2026, 1, 10)));
        Assert.False(calendar.IsWorkingDay(new DateOnly(2026, 1, 11)));
        Assert.True(calendar.IsWorkingDay(new DateOnly(2026, 1, 12)));
    }

    [Fact]
    public void FromJson_UnknownTimeZone_ThrowsNamingTheZone()
    {
        var json = ValidJson.Replace("Asia/Shanghai", "Mars/Olympus_Mons", StringComparison.Ordinal);

        var error = Assert.Throws<CalendarFormatException>(() => BusinessCalendar.FromJson(json));

        Assert.Contains("timeZone 'Mars/Olympus_Mons' is not a known time zone", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromJson_DateBothHolidayAndMakeUpWorkday_ThrowsNamingBothEntries()
    {
        var json = ValidJson.Replace("\"date\": \"2026-01-04\"", "\"date\": \"2026-01-01\"", StringComparison.Ordinal);

        var error = Assert.Throws<CalendarFormatException>(() => BusinessCalendar.FromJson(json));

        Assert.Contains("2026-01-01 is both a holiday (holidays[0]", error.Message, StringComparison.Ordinal);
        Assert.Contains("makeUpWorkdays[0]", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-02-30")]
    [InlineData("2026-1-1")]
    [InlineData("01/01/2026")]
    public void FromJson_InvalidDate_ThrowsNamingTheEntry(string date)
    {
        var json = ValidJson.Replace("\"date\": \"2026-01-01\"", $"\"date\": \"{date}\"", StringComparison.Ordinal);

        var error = Assert.Throws<CalendarFormatException>(() => BusinessCalendar.FromJson(json));

        Assert.Contains($"holidays[0] date '{date}' is not a valid date", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromJson_MakeUpWorkdayOnAWeekday_Throws()
    {
        var json = ValidJson.Replace("\"date\": \"2026-01-04\"", "\"date\": \"2026-01-05\"", StringComparison.Ordinal);

        var error = Assert.Throws<CalendarFormatException>(() => BusinessCalendar.FromJson(json));

        Assert.Contains("makeUpWorkdays[0] 2026-01-05 is a Monday", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromJson_DuplicateHoliday_Throws()
    {
        var json = ValidJson.Replace(
            "\"holidays\": [ { \"date\": \"2026-01-01\", \"name\": \"元旦 New Year's Day\" } ]",
            "\"holidays\": [ { \"date\": \"2026-01-01\" }, { \"date\": \"2026-01-01\" } ]",
            StringComparison.Ordinal);

        var error = Assert.Throws<CalendarFormatException>(() => BusinessCalendar.FromJson(json));

        Assert.Contains("holidays[1] 2026-01-01 is listed twice", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"Samstag\"")]
    [InlineData("\"6\"")]
    [InlineData("null")]
    public void FromJson_UnknownWeekendDay_Throws(string day)
    {
        var json = ValidJson.Replace("\"sunday\"", day, StringComparison.Ordinal);

        var error = Assert.Throws<CalendarFormatException>(() => BusinessCalendar.FromJson(json));

        Assert.Contains("weekend[1]", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[\"Saturday\", ", "malformed")]
    [InlineData("\"region\": \"CN\", ", "\"region\" is required")]
    [InlineData("\"timeZone\": \"Asia/Shanghai\", ", "\"timeZone\" is required")]
    [InlineData("\"weekend\": [\"Saturday\", \"sunday\"],", "\"weekend\" is required")]
    public void FromJson_MalformedOrIncomplete_ThrowsCalendarFormatException(string remove, string expected)
    {
        var json = ValidJson.Replace(remove, string.Empty, StringComparison.Ordinal);

        var error = Assert.Throws<CalendarFormatException>(() => BusinessCalendar.FromJson(json));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadRegion_China_LoadsShippedCalendarFromOutputFolder()
    {
        var calendar = BusinessCalendar.LoadRegion("CN");

        Assert.Equal("CN", calendar.Region);
        Assert.Equal(TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai").Id, calendar.TimeZone.Id);
    }

    [Fact]
    public void LoadRegion_China2026_Has248WorkingDays()
    {
        var calendar = BusinessCalendar.LoadRegion("CN");
        var start = new DateOnly(2026, 1, 1);

        var working = Enumerable.Range(0, 365).Count(i => calendar.IsWorkingDay(start.AddDays(i)));

        // 365 days - 104 weekend days - 19 holidays on weekdays + 6 make-up workdays (the official figure).
        Assert.Equal(248, working);
    }

    [Fact]
    public void LoadRegion_MissingFile_ThrowsFileNotFound()
    {
        var error = Assert.Throws<FileNotFoundException>(() => BusinessCalendar.LoadRegion("ZZ"));

        Assert.EndsWith("ZZ.json", error.FileName, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../CN")]
    [InlineData("CN/../CN")]
    public void LoadRegion_PathInRegion_Throws(string region)
    {
        Assert.Throws<ArgumentException>(() => BusinessCalendar.LoadRegion(region));
    }

    [Fact]
    public void LoadRegion_RegionDiffersFromFileName_ThrowsNamingFile()
    {
        var directory = Directory.CreateTempSubdirectory("calendar-tests-").FullName;
        File.WriteAllText(Path.Combine(directory, "HK.json"), ValidJson);

        try
        {
            var error = Assert.Throws<CalendarFormatException>(() => BusinessCalendar.LoadRegion("HK", directory));

            Assert.Contains("HK.json", error.Message, StringComparison.Ordinal);
            Assert.Contains("region 'CN' does not match", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void Load_BadFile_MessageNamesFileAndEntry()
    {
        var path = Path.Combine(Path.GetTempPath(), $"calendar-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, ValidJson.Replace("2026-01-01", "2026-13-01", StringComparison.Ordinal));

        try
        {
            var error = Assert.Throws<CalendarFormatException>(() => BusinessCalendar.Load(path));

            Assert.StartsWith(path, error.Message, StringComparison.Ordinal);
            Assert.Contains("holidays[0] date '2026-13-01'", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
